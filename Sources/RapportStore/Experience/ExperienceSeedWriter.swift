import Foundation
import SQLKit

/// Writes customers and surveys answered outside Rapport's own survey flow (an import from a survey tool, or
/// the demo's history), with the team and agent who handled the case. No message is sent and no follow-up
/// is opened: these answers are history.
public struct ExperienceSeedWriter: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A customer reachable by `email`; the existing one when the address is known.
    public func customer(name: String, email: String, at date: Date) async throws -> Int64 {
        try await database.transaction { db in
            if let row = try await db.raw(
                "SELECT customer_id FROM customer_identities WHERE kind = 'email' AND value = \(bind: email.lowercased())"
            ).first() {
                return try row.decode(column: "customer_id", as: Int64.self)
            }
            let ms = date.millisecondsSince1970
            let id =
                try await db.raw(
                    "INSERT INTO customers (name, created_ms, updated_ms) VALUES (\(bind: name), \(bind: ms), \(bind: ms)) RETURNING id"
                ).first()?.decode(column: "id", as: Int64.self) ?? 0
            try await db.raw(
                """
                INSERT INTO customer_identities (kind, value, customer_id, verified, evidence, linked_ms)
                VALUES ('email', \(bind: email.lowercased()), \(bind: id), 1, 'import', \(bind: ms))
                """
            ).run()
            return id
        }
    }

    /// An answered survey; returns its id.
    public func answeredSurvey(
        kind: SurveyKind, score: Int, customerID: Int64, network: String, teamID: Int64?, agentID: Int64?,
        sentAt: Date, answeredAt: Date, comment: String? = nil
    ) async throws -> Int64 {
        guard kind.scores.contains(score) else {
            throw StoreError.invalidArgument("score \(score) is not a \(kind.rawValue) score")
        }
        return try await database.transaction { db in
            let id =
                try await db.raw(
                    """
                    INSERT INTO surveys (token_hash, kind, customer_id, network, team_id, agent_id, created_ms, expires_ms,
                        answered_ms, score, comment)
                    VALUES (\(bind: "imported-" + UUID().uuidString), \(bind: kind.rawValue), \(bind: customerID),
                        \(bind: network), \(bind: teamID), \(bind: agentID), \(bind: sentAt.millisecondsSince1970),
                        \(bind: answeredAt.millisecondsSince1970 + 1), \(bind: answeredAt.millisecondsSince1970),
                        \(bind: score), \(bind: comment))
                    RETURNING id
                    """
                ).first()?.decode(column: "id", as: Int64.self) ?? 0
            try await RollupJournal.surveys.record(db, id: id, sign: 1)
            return id
        }
    }
}
