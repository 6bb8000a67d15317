import Foundation
import Logging
import SQLKit

/// Deletes what is past its retention period, one bounded batch per transaction, so the writer lock (SQLite) or
/// the rows (PostgreSQL) are held only briefly and ingest goes on between batches.
///
/// Public mentions go only when no conversation holds them (the desk keeps its messages); the rollups are not
/// touched, so dashboards keep counting the posts that were pruned.
public struct RetentionPruner: Sendable {
    let database: Database

    public static let defaultBatch = 1_000

    public init(database: Database) {
        self.database = database
    }

    /// Deletes up to `batch` public mentions created before `cutoff` that no conversation holds, oldest first,
    /// with their rule links; then the authors left with no mention that were last seen before `cutoff`.
    /// Returns how many mentions were deleted (fewer than `batch`: nothing older is left).
    public func prunePublicMentions(before cutoff: Date, batch: Int = defaultBatch) async throws -> Int {
        let ms = cutoff.millisecondsSince1970
        let (deleted, authors) = try await database.transaction { db -> (Int, [Int64]) in
            let rows = try await db.raw(
                """
                SELECT m.id, m.author_id FROM mentions m
                WHERE m.created_ms < \(bind: ms) AND m.origin = 'public'
                    AND NOT EXISTS (SELECT 1 FROM conversation_messages c WHERE c.mention_id = m.id)
                ORDER BY m.created_ms, m.id LIMIT \(bind: max(1, batch))
                """
                    + SQLQueryString(Dialect(db).forUpdateSkipLocked)
            ).all()
            let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
            let authors = Set(try rows.map { try $0.decode(column: "author_id", as: Int64.self) })
            // desk_queue references mentions without a cascade; mention_rules cascades.
            try await PersonScope.run(db, "DELETE FROM desk_queue WHERE mention_id IN (%@)", ids)
            try await PersonScope.run(db, "DELETE FROM mention_rules WHERE mention_id IN (%@)", ids)
            try await PersonScope.run(db, "DELETE FROM mentions WHERE id IN (%@)", ids)
            return (ids.count, authors.sorted())
        }
        if !authors.isEmpty {
            // Separately: on PostgreSQL a concurrent ingest may be adding a post by one of these authors, and the
            // foreign key then refuses the delete; the mentions' batch must not be undone for that.
            do {
                try await database.transaction { db in
                    try await PersonScope.run(
                        db,
                        """
                        DELETE FROM authors WHERE last_seen_ms < ? AND id IN (%@)
                            AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.author_id = authors.id)
                        """, authors, before: [ms])
                }
            } catch {
                database.logger.warning("retention: authors left for the next run: \(error)")
            }
        }
        return deleted
    }

    /// Deletes up to `batch` audit rows recorded before `cutoff`, oldest first. Returns how many.
    public func pruneAudit(before cutoff: Date, batch: Int = defaultBatch) async throws -> Int {
        try await database.transaction { db in
            let ids = try await db.raw(
                """
                SELECT id FROM audit_log WHERE at_ms < \(bind: cutoff.millisecondsSince1970)
                ORDER BY id LIMIT \(bind: max(1, batch))
                """
            ).all().map { try $0.decode(column: "id", as: Int64.self) }
            try await PersonScope.run(db, "DELETE FROM audit_log WHERE id IN (%@)", ids)
            return ids.count
        }
    }
}
