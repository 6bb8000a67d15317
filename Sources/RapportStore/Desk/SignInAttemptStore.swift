import Foundation
import SQLKit

/// Counted sign-in attempts per account, in the database so that every instance sharing it counts the same.
public struct SignInAttemptStore: Sendable {
    let database: Database
    /// Advisory-lock space of the per-account check (PostgreSQL).
    static let lockSpace: Int32 = 7_272_002

    public init(database: Database) {
        self.database = database
    }

    /// Counts an attempt for `account` unless `limit` attempts were already counted within `window` before
    /// `now`; then counts nothing and returns the seconds until the oldest of those leaves the window.
    ///
    /// Check and count are one transaction, serialised per account (an advisory lock on PostgreSQL, the single
    /// writer on SQLite), so attempts racing each other, on one instance or several, cannot all pass one check.
    /// Attempts that left the window are pruned here, for every account (a bounded batch each time).
    public func admit(_ account: String, limit: Int, window: TimeInterval, now: Date = Date()) async throws
        -> TimeInterval?
    {
        let dialect = database.dialect
        let nowMS = now.millisecondsSince1970
        let cutoff = nowMS - Int64((window * 1000).rounded())
        return try await database.transaction { db in
            if let lock = dialect.lock(space: Self.lockSpace, key: account) { try await db.raw(lock).run() }
            // Rows another transaction is pruning are skipped, not waited for: two prunes never deadlock.
            let expired =
                "SELECT id FROM sign_in_attempts WHERE at_ms <= \(cutoff) LIMIT 500" + dialect.forUpdateSkipLocked
            try await db.raw(SQLQueryString("DELETE FROM sign_in_attempts WHERE id IN (\(expired))")).run()
            let recent = try await db.raw(
                """
                SELECT at_ms FROM sign_in_attempts WHERE account = \(bind: account) AND at_ms > \(bind: cutoff)
                ORDER BY at_ms DESC LIMIT \(bind: limit)
                """
            ).all().map { try $0.decode(column: "at_ms", as: Int64.self) }
            if recent.count >= limit, let oldest = recent.last {
                return Double(oldest - cutoff) / 1000
            }
            try await db.raw(
                "INSERT INTO sign_in_attempts (account, at_ms) VALUES (\(bind: account), \(bind: nowMS))"
            ).run()
            return nil
        }
    }

    /// Forgets the account's attempts (it signed in).
    public func clear(_ account: String) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM sign_in_attempts WHERE account = \(bind: account)").run()
        }
    }
}
