import Foundation
import RapportCore
import SQLKit

extension MentionStore {
    /// Mentions whose post was written in [since, until), oldest first, `limit` at a time after `cursor`:
    /// the order the crisis detector needs when a history is replayed from storage.
    public func chronological(since: Date, until: Date, limit: Int = 5_000, after cursor: MentionCursor? = nil)
        async throws -> Page
    {
        let limit = max(1, min(limit, 20_000))
        var condition = SQLFragment(
            "m.created_ms >= ? AND m.created_ms < ?", [since.millisecondsSince1970, until.millisecondsSince1970])
        if let cursor {
            condition =
                condition
                + SQLFragment(
                    " AND (m.created_ms > ? OR (m.created_ms = ? AND m.id > ?))",
                    [cursor.createdMS, cursor.createdMS, cursor.id])
        }
        let query = condition + SQLFragment(" ORDER BY m.created_ms, m.id LIMIT ?", [limit + 1])
        let dialect = database.dialect
        var items = try await database.read { db in try await MentionRow.select(db, dialect, query) }
        var next: MentionCursor?
        if items.count > limit {
            items.removeLast()
            if let last = items.last {
                next = MentionCursor(createdMS: last.post.createdAt.millisecondsSince1970, id: last.id)
            }
        }
        return Page(items: items, nextCursor: next)
    }

    /// The earliest and latest post times of the mentions stored since `ingestedSince` (nil when none): what a
    /// file import added, so that the detector can replay that span.
    public func postTimeSpan(ingestedSince: Date) async throws -> (start: Date, end: Date)? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT min(created_ms) AS first_ms, max(created_ms) AS last_ms FROM mentions
                    WHERE ingested_ms >= \(bind: ingestedSince.millisecondsSince1970)
                    """
                ).first(),
                let first = try row.decode(column: "first_ms", as: Int64?.self),
                let last = try row.decode(column: "last_ms", as: Int64?.self)
            else { return nil }
            return (Date(milliseconds: first), Date(milliseconds: last))
        }
    }
}
