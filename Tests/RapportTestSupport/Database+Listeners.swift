import RapportStore
import SQLKit

extension Database {
    /// On PostgreSQL, how many connections to this database follow `channel` (their last statement was its
    /// LISTEN), so a test can wait until every instance hears a notification instead of sleeping. 0 on SQLite.
    public func listeners(on channel: String) async throws -> Int {
        guard dialect == .postgres else { return 0 }
        return try await read { db in
            try await db.raw(
                """
                SELECT count(*) AS n FROM pg_stat_activity
                WHERE datname = current_database() AND query ILIKE \(bind: "LISTEN%" + channel + "%")
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}
