import Foundation
import RapportDesk
import SQLKit

/// Raises SLA near-breach and breach escalations when they fall due. Each conversation stores
/// when its next SLA alert is due (`sla_check_ms`), so a round reads only the few that are.
public struct SLAWatch: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Checks conversations whose next SLA alert is due; returns those that escalated.
    @discardableResult
    public func runDue(now: Date = Date(), limit: Int = 100) async throws -> [ConversationID] {
        let dialect = database.dialect
        return try await database.transaction { db in
            let due = """
                SELECT state FROM conversations WHERE sla_check_ms <= \(now.millisecondsSince1970)
                    AND status IN ('new', 'open', 'pending') ORDER BY sla_check_ms LIMIT \(limit)
                """
            let rows = try await db.raw(SQLQueryString(due + dialect.forUpdateSkipLocked)).all()
            guard !rows.isEmpty else { return [] }
            let directory = try await DeskDirectory.load(db)
            var escalated: [ConversationID] = []
            for row in rows {
                let conversation = try DeskCoding.decode(
                    Conversation.self, try row.decode(column: "state", as: String.self))
                let team = conversation.assignee.team.flatMap { directory.teams[$0] }
                let transition = SLAMonitor.check(
                    conversation, hours: directory.hours(conversation), supervisor: team?.supervisor, at: now)
                if transition.events.isEmpty {
                    // Not due after all (clock paused or changed): look again at the next instant, never sooner than 1 s.
                    let next = SLAMonitor.nextCheck(conversation, hours: directory.hours(conversation), after: now)
                    try await db.raw(
                        """
                        UPDATE conversations SET sla_check_ms = \(bind: next.map { max($0, now.addingTimeInterval(1)).millisecondsSince1970 })
                        WHERE id = \(bind: conversation.id.rawValue)
                        """
                    ).run()
                } else {
                    try await ConversationWriter.save(db, transition, hours: directory.hours(conversation))
                    escalated.append(conversation.id)
                }
            }
            return escalated
        }
    }
}
