import Foundation
import Logging
import SQLKit

/// Applies pending migrations in order, each in its own transaction, and records
/// them in `schema_migrations`.
public struct Migrator: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Versions already applied.
    public func appliedVersions() async throws -> [Int] {
        try await ensureVersionTable()
        return try await database.read { db in
            try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
        }
    }

    /// Applies what is pending; returns the versions applied now.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await ensureVersionTable()
        let dialect = database.dialect
        var applied: [Int] = []
        for migration in Migration.all {
            let didApply = try await database.transaction { db -> Bool in
                // Re-checked inside the transaction so that two instances starting at
                // once on one PostgreSQL do not both apply a migration.
                try await Self.serialise(db, dialect)
                let done = try await db.raw(
                    "SELECT 1 AS one FROM schema_migrations WHERE version = \(bind: migration.version)"
                ).first()
                if done != nil { return false }
                for statement in migration.statements(dialect) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_ms)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Date.nowMilliseconds))
                    """
                ).run()
                return true
            }
            if didApply {
                database.logger.info("applied migration \(migration.version): \(migration.name)")
                applied.append(migration.version)
            }
        }
        return applied
    }

    /// Two instances starting at once on one PostgreSQL take turns.
    private static func serialise(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        if dialect == .postgres {
            try await db.raw("SELECT pg_advisory_xact_lock(7272001)").run()
        }
    }

    private func ensureVersionTable() async throws {
        let dialect = database.dialect
        try await database.transaction { db in
            try await Self.serialise(db, dialect)
            try await db.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)
                """
            ).run()
        }
    }
}

extension Date {
    /// Milliseconds since 1970, the store's timestamp representation on both engines.
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    public init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static var nowMilliseconds: Int64 { Date().millisecondsSince1970 }
}
