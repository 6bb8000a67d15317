import Foundation
import SQLKit

/// SQLite's FTS5 does not remove a deleted row's tokens from the index at once: it writes delete markers (which
/// repeat the tokens) into a new segment, and both go only when every segment is merged into one. After an erase
/// the index is therefore merged, a bounded amount of work per transaction, until nothing is left to merge — so
/// the erased words leave the index's storage too, without holding the write lock for a whole `optimize`.
enum FullTextCompaction {
    /// Pages merged per transaction (a negative count asks FTS5 to merge segments of every level into one).
    static let pagesPerStep = 2_000

    /// Merges until a step does no work. Does nothing on PostgreSQL (the tsvector is a column of the row).
    static func run(_ database: Database) async throws {
        guard database.dialect == .sqlite else { return }
        // FTS5's own rule: a merge step that changed fewer than 2 rows found nothing left to merge.
        while true {
            let changed = try await database.transaction { db -> Int in
                let before = try await totalChanges(db)
                try await db.raw(
                    SQLQueryString(
                        "INSERT INTO mentions_fts(mentions_fts, rank) VALUES ('merge', -\(unsafeRaw: String(pagesPerStep)))"
                    )
                ).run()
                return try await totalChanges(db) - before
            }
            if changed < 2 { return }
            await Task.yield()
        }
    }

    private static func totalChanges(_ db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT total_changes() AS n").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
