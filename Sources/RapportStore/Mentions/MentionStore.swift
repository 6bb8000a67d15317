import Foundation
import RapportAnalysis
import RapportCore
import RapportDesk
import SQLKit

/// Stores and reads mentions and their authors.
public struct MentionStore: Sendable {
    static let notifyChannel = "rapport_mentions"
    /// Rows per INSERT statement: well under SQLite's bind limit at ~28 columns.
    static let rowsPerStatement = 200

    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The outcome of storing one batch.
    public struct BatchResult: Sendable {
        /// Newly stored mentions, with their ids, in batch order.
        public var stored: [Mention]
        /// Posts already stored (or repeated within the batch): nothing changed for them.
        public var duplicates: Int
    }

    /// Stores a batch in one transaction: authors upserted, mentions inserted
    /// idempotently on (network, external id), rule links and source counters
    /// written, hourly rollups (`mention_rollups`) added. `counters` carries what the caller counted (received, filtered,
    /// rejected); stored and duplicate counts are added here. When this returns, the batch is durably committed.
    /// - Parameter queueForDesk: false for a history whose conversations the caller writes itself (the desk
    ///   worker would otherwise thread them now and escalate their long-past SLAs).
    public func insert(
        _ batch: [NewMention], counters: [String: IngestCounts] = [:], now: Date = Date(), queueForDesk: Bool = true
    )
        async throws -> BatchResult
    {
        let nowMS = now.millisecondsSince1970
        let dialect = database.dialect
        return try await database.transaction { db in
            var seen = Set<MentionKey>()
            var unique: [NewMention] = []
            unique.reserveCapacity(batch.count)
            for item in batch where seen.insert(item.key).inserted {
                unique.append(item)
            }
            // A redelivery must change nothing, not even its author's counters.
            let existing = try await Self.existingKeys(db, unique.map(\.key))
            let fresh = unique.filter { !existing.contains($0.key) }
            let authorIDs = try await AuthorWriter.upsert(db, fresh, nowMS: nowMS)
            let inserted = try await Self.insertMentions(db, fresh, authorIDs: authorIDs, nowMS: nowMS)
            let stored = inserted.map(\.mention)
            try await Self.insertRuleLinks(db, stored)
            // Only what was inserted here: a redelivery (or another instance's copy) adds nothing.
            try await RollupWriter.add(db, dialect, stored)
            if queueForDesk {
                try await ConversationIntake.enqueue(
                    db, stored.filter { DeskAdmission.admits($0.post, analysis: $0.analysis) })
            }
            var totals = counters
            for item in batch { totals[item.source, default: IngestCounts()].duplicate += 1 }
            for (item, _) in inserted {
                totals[item.source, default: IngestCounts()].stored += 1
                totals[item.source, default: IngestCounts()].duplicate -= 1
            }
            try await IngestCounterWriter.add(db, totals)
            if dialect == .postgres, !stored.isEmpty {
                try await Self.notify(db, stored.map(\.id))
            }
            return BatchResult(stored: stored, duplicates: batch.count - stored.count)
        }
    }

    private static func existingKeys(_ db: any SQLDatabase, _ keys: [MentionKey]) async throws -> Set<MentionKey> {
        var found = Set<MentionKey>()
        for (network, group) in Dictionary(grouping: keys, by: \.network) {
            for chunk in group.chunks(of: 500) {
                let fragment = SQLFragment(
                    "SELECT external_id FROM mentions WHERE network = ? AND external_id IN ("
                        + SQLFragment.placeholders(chunk.count) + ")",
                    [network] + chunk.map(\.externalID))
                for row in try await db.raw(fragment.expression).all() {
                    found.insert(
                        MentionKey(network: network, externalID: try row.decode(column: "external_id", as: String.self))
                    )
                }
            }
        }
        return found
    }

    private static func insertMentions(
        _ db: any SQLDatabase, _ items: [NewMention], authorIDs: [MentionKey: Int64], nowMS: Int64
    ) async throws -> [(item: NewMention, mention: Mention)] {
        var stored: [(item: NewMention, mention: Mention)] = []
        stored.reserveCapacity(items.count)
        let ingestedAt = Date(milliseconds: nowMS)
        for chunk in items.chunks(of: rowsPerStatement) {
            var insert = db.insert(into: "mentions").columns(MentionRow.columns)
            for item in chunk {
                guard let authorID = authorIDs[item.post.author.storeKey] else {
                    throw StoreError.notFound("author of \(item.post.externalID)")
                }
                insert = insert.values(MentionRow.values(item, authorID: authorID, ingestedMS: nowMS))
            }
            let rows = try await insert.ignoringConflicts(with: ["network", "external_id"])
                .returning("id", "network", "external_id").all()
            var ids: [MentionKey: Int64] = [:]
            for row in rows {
                let key = MentionKey(
                    network: try row.decode(column: "network", as: String.self),
                    externalID: try row.decode(column: "external_id", as: String.self))
                ids[key] = try row.decode(column: "id", as: Int64.self)
            }
            for item in chunk {
                // Absent from RETURNING: another instance stored it first.
                guard let id = ids[item.key], let authorID = authorIDs[item.post.author.storeKey] else { continue }
                stored.append(
                    (
                        item,
                        Mention(
                            id: id, authorID: authorID, post: item.post, matchedRuleIDs: item.matchedRuleIDs,
                            analysis: item.analysis, ingestedAt: ingestedAt)
                    ))
            }
        }
        return stored
    }

    private static func insertRuleLinks(_ db: any SQLDatabase, _ mentions: [Mention]) async throws {
        let links = mentions.flatMap { m in m.matchedRuleIDs.map { (m.id, $0, m.post.createdAt.millisecondsSince1970) }
        }
        for chunk in links.chunks(of: 500) {
            var insert = db.insert(into: "mention_rules").columns("mention_id", "rule_id", "created_ms")
            for link in chunk {
                insert = insert.values([link.0, link.1, link.2] as [any Encodable & Sendable])
            }
            try await insert.ignoringConflicts().run()
        }
    }

    private static func notify(_ db: any SQLDatabase, _ ids: [Int64]) async throws {
        // NOTIFY payloads are limited to 8000 bytes; delivered when the transaction commits.
        for chunk in ids.chunks(of: 400) {
            let payload = chunk.map(String.init).joined(separator: ",")
            try await db.raw("SELECT pg_notify(\(bind: notifyChannel), \(bind: payload))").run()
        }
    }
}

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
