import Foundation
import SQLKit

/// Reads `ServiceFigures` from the conversations table.
public struct ServiceFigureStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Figures for conversations opened in [start, end); the backlog is as of `now`, whatever their age.
    public func figures(start: Date, end: Date, network: String? = nil, now: Date = Date()) async throws
        -> ServiceFigures
    {
        let nowMS = now.millisecondsSince1970
        var condition = SQLFragment(
            "created_ms >= ? AND created_ms < ?", [start.millisecondsSince1970, end.millisecondsSince1970])
        if let network { condition = condition + SQLFragment(" AND network = ?", [network]) }
        var backlogCondition = SQLFragment("status NOT IN ('resolved', 'closed')")
        if let network { backlogCondition = backlogCondition + SQLFragment(" AND network = ?", [network]) }
        let periodRows =
            SQLFragment("SELECT created_ms, first_response_ms, resolved_ms, sla_due_ms FROM conversations WHERE ")
            + condition + SQLFragment(" ORDER BY created_ms DESC LIMIT 100000")
        let backlogRows = SQLFragment("SELECT created_ms FROM conversations WHERE ") + backlogCondition
        return try await database.read { db in
            var figures = ServiceFigures(
                conversations: 0, responded: 0, firstResponseSeconds: [], resolutionSeconds: [], withSLA: 0,
                slaBreached: 0, backlogByAge: [:])
            // Bounded: percentiles of the latest 100,000 are as good as of all, and the page stays fast.
            let rows = try await db.raw(periodRows.expression).all()
            for row in rows {
                let created = try row.decode(column: "created_ms", as: Int64.self)
                let first = try row.decode(column: "first_response_ms", as: Int64?.self)
                let resolved = try row.decode(column: "resolved_ms", as: Int64?.self)
                let due = try row.decode(column: "sla_due_ms", as: Int64?.self)
                figures.conversations += 1
                if let first {
                    figures.responded += 1
                    figures.firstResponseSeconds.append(Double(max(0, first - created)) / 1000)
                }
                if let resolved { figures.resolutionSeconds.append(Double(max(0, resolved - created)) / 1000) }
                if let due {
                    figures.withSLA += 1
                    if due < (first ?? resolved ?? nowMS) { figures.slaBreached += 1 }
                }
            }
            for band in ServiceFigures.ageBands { figures.backlogByAge[band.name] = 0 }
            let open = try await db.raw(backlogRows.expression).all()
            for row in open {
                let age = Double(nowMS - (try row.decode(column: "created_ms", as: Int64.self))) / 1000
                if let band = ServiceFigures.ageBands.first(where: { age < $0.upTo }) {
                    figures.backlogByAge[band.name, default: 0] += 1
                }
            }
            return figures
        }
    }
}
