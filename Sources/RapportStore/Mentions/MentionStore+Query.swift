import Foundation
import RapportCore
import SQLKit

extension MentionStore {
    /// One page of mentions, newest first.
    public struct Page: Sendable {
        public var items: [Mention]
        /// Pass back as `cursor` for the next page; nil on the last page.
        public var nextCursor: MentionCursor?
    }

    /// Mentions matching `filter`, newest first, `limit` at a time after `cursor`.
    public func search(_ filter: MentionFilter, limit: Int = 50, after cursor: MentionCursor? = nil) async throws
        -> Page
    {
        let limit = max(1, min(limit, 500))
        var predicates = filter.predicates(database.dialect)
        if let cursor {
            predicates.append(
                SQLFragment(
                    "(m.created_ms < ? OR (m.created_ms = ? AND m.id < ?))",
                    [cursor.createdMS, cursor.createdMS, cursor.id]))
        }
        var query = SQLFragment(
            "SELECT \(MentionRow.selectList(database.dialect)) FROM mentions m JOIN authors a ON a.id = m.author_id")
        if !predicates.isEmpty {
            query = query + SQLFragment(" WHERE ") + SQLFragment.join(predicates, separator: " AND ")
        }
        query = query + SQLFragment(" ORDER BY m.created_ms DESC, m.id DESC LIMIT ?", [limit + 1])
        let dialect = database.dialect
        let finalQuery = query
        var items = try await database.read { db in
            try await db.raw(finalQuery.expression).all().map { try MentionRow.decode($0, dialect: dialect) }
        }
        var next: MentionCursor?
        if items.count > limit {
            items.removeLast()
            if let last = items.last {
                next = MentionCursor(createdMS: last.post.createdAt.millisecondsSince1970, id: last.id)
            }
        }
        return Page(items: items, nextCursor: next)
    }

    /// Mentions by id, in the order given (unknown ids are skipped).
    public func mentions(ids: [Int64]) async throws -> [Mention] {
        guard !ids.isEmpty else { return [] }
        let dialect = database.dialect
        var byID: [Int64: Mention] = [:]
        for chunk in ids.chunks(of: 500) {
            let condition = SQLFragment(
                "m.id IN (" + SQLFragment.placeholders(chunk.count) + ")", chunk.map { $0 as any Encodable & Sendable })
            let rows = try await database.read { db in try await MentionRow.select(db, dialect, condition) }
            for m in rows { byID[m.id] = m }
        }
        return ids.compactMap { byID[$0] }
    }

    /// The total number of stored mentions.
    public func count() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT count(*) AS n FROM mentions").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Per-source counters: received, stored, duplicate, filtered, rejected.
    public func counters() async throws -> [String: IngestCounts] {
        try await database.read { db in
            var result: [String: IngestCounts] = [:]
            for row in try await db.raw("SELECT * FROM ingest_counters").all() {
                result[try row.decode(column: "source", as: String.self)] = IngestCounts(
                    received: try row.decode(column: "received", as: Int.self),
                    stored: try row.decode(column: "stored", as: Int.self),
                    duplicate: try row.decode(column: "duplicate", as: Int.self),
                    filtered: try row.decode(column: "filtered", as: Int.self),
                    rejected: try row.decode(column: "rejected", as: Int.self))
            }
            return result
        }
    }
}
