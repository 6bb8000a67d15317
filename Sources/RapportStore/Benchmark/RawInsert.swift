import Foundation
import SQLKit

/// The physical limit the ingest benchmark compares against: the same mention rows
/// written with plain multi-row INSERTs, no idempotency check, no authors, no links.
public struct RawInsert: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Inserts `batch` into `mentions` in one transaction (author id 0, no foreign key checks).
    public func insert(_ batch: [NewMention]) async throws {
        let now = Date().millisecondsSince1970
        try await database.transaction { db in
            for chunk in batch.chunks(of: MentionStore.rowsPerStatement) {
                var insert = db.insert(into: "raw_mentions").columns(MentionRow.columns)
                for item in chunk { insert = insert.values(MentionRow.values(item, authorID: 0, ingestedMS: now)) }
                try await insert.run()
            }
        }
    }

    /// Creates `raw_mentions` with the columns and indexes of `mentions` (FTS excluded).
    public func prepare() async throws {
        let dialect = database.dialect
        try await database.transaction { db in
            try await db.raw("DROP TABLE IF EXISTS raw_mentions").run()
            let create = Migration.all[0].statements(dialect)[2]
                .replacingOccurrences(of: "CREATE TABLE mentions", with: "CREATE TABLE raw_mentions")
                .replacingOccurrences(of: "REFERENCES authors (id)", with: "")
            try await db.raw(SQLQueryString(create)).run()
            for column in Migration.contentIDColumns(table: "raw_mentions") {
                try await db.raw(SQLQueryString(column)).run()
            }
            try await db.raw("CREATE INDEX raw_mentions_created ON raw_mentions (created_ms, id)").run()
            try await db.raw("CREATE INDEX raw_mentions_level ON raw_mentions (level, created_ms)").run()
            try await db.raw("CREATE INDEX raw_mentions_author ON raw_mentions (author_id, created_ms)").run()
        }
    }
}
