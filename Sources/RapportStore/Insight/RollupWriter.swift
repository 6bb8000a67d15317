import Foundation
import RapportAnalysis
import RapportCore
import RapportInsight
import SQLKit

/// Keeps `mention_rollups` in step with `mentions`, inside the insert's transaction.
///
/// Each stored mention counts once per matched rule (rule 0 when none matched), in the UTC hour of the post's
/// own timestamp. A batch is first summed per key, so each distinct key costs one upsert row however many
/// mentions share it.
enum RollupWriter {
    static let table = "mention_rollups"
    static let keyColumns = ["hour_ms", "rule_id", "network", "sentiment", "level", "language"]
    /// 7 binds per row: far under both engines' bind limits.
    static let rowsPerStatement = 500

    /// The rollup keys of a stored mention (one per rule link).
    static func keys(of mention: Mention) -> [RollupKey] {
        let rules = mention.matchedRuleIDs.isEmpty ? [0] : Array(Set(mention.matchedRuleIDs)).sorted()
        let a = mention.analysis
        return rules.map {
            RollupKey(
                timestamp: mention.post.createdAt, ruleID: String($0), network: mention.post.network.rawValue,
                sentiment: a?.sentiment.label.rawValue ?? "", level: a?.level.rawValue ?? "",
                language: language(of: mention))
        }
    }

    /// The language a mention is filed under: the platform's tag when it gave one, else the analyser's guess —
    /// the same rule as `MentionFilter.language`, so a dashboard's drill-down lists the mentions it counted.
    static func language(of mention: Mention) -> String {
        (mention.post.language ?? mention.analysis?.language ?? "").lowercased()
    }

    /// Adds the newly stored mentions to the rollups.
    static func add(_ db: any SQLDatabase, _ dialect: Dialect, _ mentions: [Mention]) async throws {
        var counter = RollupCounter()
        for mention in mentions {
            for key in keys(of: mention) { counter.add(key) }
        }
        try await upsert(db, dialect, counter)
    }

    static let dailyTable = "mention_rollups_daily"

    /// Adds every count of `counter` (`count = count + n`) to the hourly rollups and, summed per UTC day,
    /// to the daily ones; rule ids must be decimal strings.
    static func upsert(_ db: any SQLDatabase, _ dialect: Dialect, _ counter: RollupCounter) async throws {
        try await upsert(db, dialect, counter, into: table)
        var daily = RollupCounter()
        for (key, count) in counter.counts {
            var day = key
            day.hourStart = Granularity.day.bucketStart(of: key.hourStart)
            daily.add(day, count: count)
        }
        try await upsert(db, dialect, daily, into: dailyTable)
    }

    private static func upsert(_ db: any SQLDatabase, _ dialect: Dialect, _ counter: RollupCounter, into table: String)
        async throws
    {
        let rows = counter.sortedRows  // a fixed order: concurrent writers on PostgreSQL lock rows alike
        for chunk in rows.chunks(of: rowsPerStatement) {
            var sql = "INSERT INTO \(table) (\(keyColumns.joined(separator: ", ")), mention_count) VALUES "
            sql += Array(repeating: "(?,?,?,?,?,?,?)", count: chunk.count).joined(separator: ",")
            sql += dialect.addOnConflict(table: table, key: keyColumns, column: "mention_count")
            var binds: [any Encodable & Sendable] = []
            binds.reserveCapacity(chunk.count * 7)
            for (key, count) in chunk {
                binds +=
                    [
                        key.hourStart.millisecondsSince1970, Int64(key.ruleID) ?? 0, key.network, key.sentiment,
                        key.level,
                        key.language, Int64(count),
                    ] as [any Encodable & Sendable]
            }
            try await db.raw(SQLFragment(sql, binds).expression).run()
        }
    }
}
