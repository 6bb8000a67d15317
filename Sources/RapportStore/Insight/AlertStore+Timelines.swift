import Foundation
import SQLKit

extension AlertStore {
    /// The timelines of several alerts in one query (oldest first each); alerts without steps are absent.
    public func timelines(ids: [Int64]) async throws -> [Int64: [AlertTimelineEntry]] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { db in
            let list = SQLQueryString(ids.map(String.init).joined(separator: ","))
            let rows = try await db.raw(
                "SELECT * FROM alert_events WHERE alert_id IN (" + list + ") ORDER BY alert_id, id"
            ).all()
            var result: [Int64: [AlertTimelineEntry]] = [:]
            for row in rows {
                let id = try row.decode(column: "alert_id", as: Int64.self)
                result[id, default: []].append(
                    AlertTimelineEntry(
                        at: Date(milliseconds: try row.decode(column: "at_ms", as: Int64.self)),
                        userID: try row.decode(column: "user_id", as: Int64?.self),
                        change: try row.decode(column: "change", as: String.self),
                        detail: try row.decode(column: "detail", as: String.self)))
            }
            return result
        }
    }
}
