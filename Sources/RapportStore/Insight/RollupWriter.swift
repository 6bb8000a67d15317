import Foundation
import RapportAnalysis
import RapportCore
import RapportInsight
import SQLKit

/// Keeps the rollup cubes (``RollupCube``) in step with `mentions`, inside the insert's transaction.
///
/// Each stored mention counts once per matched rule (rule 0 when none matched), in the UTC hour of the post's
/// own timestamp, in every cube. A batch is first summed per key, so each distinct key costs one upsert row
/// however many mentions share it.
enum RollupWriter {
    /// At most 7 binds per row: far under both engines' bind limits.
    static let rowsPerStatement = 500

    /// The rollup keys of a stored mention (one per rule link), with every dimension.
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

    /// Adds every count of `counter` (`count = count + n`) to each cube, hourly and summed per UTC day;
    /// rule ids must be decimal strings.
    static func upsert(_ db: any SQLDatabase, _ dialect: Dialect, _ counter: RollupCounter) async throws {
        for cube in RollupCube.all {
            var hourly = RollupCounter()
            var daily = RollupCounter()
            for (key, count) in counter.counts {
                let projected = cube.project(key)
                hourly.add(projected, count: count)
                var day = projected
                day.hourStart = Granularity.day.bucketStart(of: key.hourStart)
                daily.add(day, count: count)
            }
            try await upsert(db, dialect, hourly, cube: cube, into: cube.hourly)
            try await upsert(db, dialect, daily, cube: cube, into: cube.daily)
        }
    }

    private static func upsert(
        _ db: any SQLDatabase, _ dialect: Dialect, _ counter: RollupCounter, cube: RollupCube, into table: String
    ) async throws {
        let columns = cube.keyColumns
        let row = "(" + Array(repeating: "?", count: columns.count + 1).joined(separator: ",") + ")"
        let rows = counter.sortedRows  // a fixed order: concurrent writers on PostgreSQL lock rows alike
        for chunk in rows.chunks(of: rowsPerStatement) {
            var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", ")), mention_count) VALUES "
            sql += Array(repeating: row, count: chunk.count).joined(separator: ",")
            sql += dialect.addOnConflict(table: table, key: columns, column: "mention_count")
            var binds: [any Encodable & Sendable] = []
            binds.reserveCapacity(chunk.count * (columns.count + 1))
            for (key, count) in chunk {
                binds.append(key.hourStart.millisecondsSince1970)
                binds.append(Int64(key.ruleID) ?? 0)
                for dimension in cube.dimensions { binds.append(key.value(of: dimension)) }
                binds.append(Int64(count))
            }
            try await db.raw(SQLFragment(sql, binds).expression).run()
        }
    }
}
