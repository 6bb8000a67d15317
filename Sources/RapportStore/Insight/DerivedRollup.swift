import Foundation
import RapportInsight
import SQLKit

/// Hourly and daily sums over the rows of a table that changes (conversations are answered, resolved and
/// reassigned; surveys are answered), kept exact row by row: before a row changes its contribution is
/// subtracted, after it the new one is added, through the source's ``RollupJournal`` in the caller's
/// transaction. Every SQL statement comes from the one description below, so the journal, its folding, the
/// reads and a rebuild from the raw rows cannot disagree.
struct DerivedRollup: Sendable {
    /// A grouping column: its name in the rollup and its expression over a source row (never NULL).
    struct Key: Sendable {
        var name: String
        var expression: String
        var isText: Bool
    }

    /// A summed column: its name and its per-row value (an integer expression over a source row).
    struct Measure: Sendable {
        var name: String
        var expression: String
    }

    var journal: RollupJournal
    var source: String { journal.source }
    var hourly: String
    var daily: String
    /// The source column (epoch milliseconds) that places a row in its hour.
    var timeColumn: String
    var keys: [Key]
    var measures: [Measure]
    /// Which source rows count at all.
    var rowFilter: String

    private var keyNames: [String] { ["hour_ms"] + keys.map(\.name) }

    private static let hour: Int64 = 3_600_000
    private static let day: Int64 = 86_400_000
    private var tables: [(name: String, unit: Int64)] { [(hourly, Self.hour), (daily, Self.day)] }

    /// The start of a row's bucket (`unit` ms long), from its time column: what the rollups are keyed by.
    private func bucket(_ unit: Int64) -> String { "\(timeColumn) - (\(timeColumn) % \(unit))" }

    /// `INSERT INTO table … SELECT` of the rows of `from` matching `condition`, summed by bucket and keys, each
    /// row counted `weight` times.
    private func summary(into table: String, unit: Int64, from: String, weight: String?, condition: SQLFragment)
        -> SQLFragment
    {
        let groups = [bucket(unit)] + keys.map(\.expression)
        let sums = measures.map { m in weight.map { "sum(\($0) * (\(m.expression)))" } ?? "sum(\(m.expression))" }
        return SQLFragment(
            "INSERT INTO \(table) (\((keyNames + measures.map(\.name)).joined(separator: ", "))) "
                + "SELECT \((groups + sums).joined(separator: ", ")) FROM \(from) WHERE \(rowFilter) AND ")
            + condition + SQLFragment(" GROUP BY \(groups.joined(separator: ", "))")
    }

    /// Statements that recompute both tables from the source rows (the backfill of a migration, seeds).
    var rebuildStatements: [String] {
        tables.flatMap { table in
            [
                "DELETE FROM \(table.name)",
                summary(into: table.name, unit: table.unit, from: source, weight: nil, condition: SQLFragment("1 = 1"))
                    .sql,
            ]
        }
    }

    // MARK: Row by row

    /// Adds the journal rows matching `rows` to both tables (the folder then deletes them).
    func fold(_ db: any SQLDatabase, rows: SQLFragment) async throws {
        for table in tables {
            let updates = measures.map { "\($0.name) = \(table.name).\($0.name) + excluded.\($0.name)" }
            let sql =
                summary(into: table.name, unit: table.unit, from: journal.table, weight: "sign", condition: rows)
                + SQLFragment(
                    " ON CONFLICT (\(keyNames.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))"
                )
            try await db.raw(sql.expression).run()
        }
    }

    // MARK: Reading

    /// The `equal` conditions of a dashboard's network and team filters (both rollup keys).
    static func filters(network: String?, teamID: Int64?) -> [(String, any Encodable & Sendable)] {
        var equal: [(String, any Encodable & Sendable)] = []
        if let network { equal.append(("network", network)) }
        if let teamID { equal.append(("team_id", teamID)) }
        return equal
    }

    /// One group of summed rows.
    struct Sums: Sendable {
        /// The bucket start (epoch ms) when read by bucket.
        var bucket: Int64?
        /// The grouped keys, by name (numbers as decimal strings).
        var keys: [String: String]
        /// Sums by measure name.
        var values: [String: Int]
    }

    /// Sums of the rows whose hour starts in [start, end), matching `equal` (key name → value), grouped by
    /// `groupBy` keys and, when `bucketed`, by the rollup row's start (`bucket`: an hour, or a day for the
    /// rows read from the daily table). Whole UTC days are read from the daily table unless `hoursOnly`.
    func sums(
        _ db: any SQLDatabase, start: Date, end: Date, groupBy: [String], equal: [(String, any Encodable & Sendable)],
        bucketed: Bool = false, hoursOnly: Bool = false
    ) async throws -> [Sums] {
        var groups = groupBy
        if bucketed { groups.insert("hour_ms", at: 0) }
        // One statement over the parts (daily rows for whole days, hourly ones for the ends), summed by the
        // database: a third of the rows to decode, which is what costs on PostgreSQL.
        var parts: [SQLFragment] = []
        let dayParts = DayParts(start: start, end: end, hoursOnly: hoursOnly).parts
        for part in dayParts {
            // Columns named, in the journal branch's order: a column added later (`active`) comes last in `*`.
            var branch = SQLFragment(
                "SELECT \((keyNames + measures.map(\.name)).joined(separator: ", ")) FROM \(part.daily ? daily : hourly) "
                    + "WHERE hour_ms >= ? AND hour_ms < ?",
                [part.start.millisecondsSince1970, part.end.millisecondsSince1970])
            for (name, value) in equal { branch = branch + SQLFragment(" AND \(name) = ?", [value]) }
            parts.append(branch)
        }
        // The changes not folded yet, as rollup rows: bucketed like the part they fall in when read by bucket.
        let pending = bucketed ? dayParts : [(start: start, end: end, daily: false)]
        for part in pending {
            let columns =
                ["\(bucket(part.daily ? Self.day : Self.hour)) AS hour_ms"]
                + keys.map { "\($0.expression) AS \($0.name)" }
                + measures.map { "sign * (\($0.expression)) AS \($0.name)" }
            var branch = SQLFragment(
                "SELECT \(columns.joined(separator: ", ")) FROM \(journal.table) WHERE \(rowFilter) "
                    + "AND \(bucket(Self.hour)) >= ? AND \(bucket(Self.hour)) < ?",
                [part.start.millisecondsSince1970, part.end.millisecondsSince1970])
            for (name, value) in equal {
                let expression = keys.first { $0.name == name }?.expression ?? name
                branch = branch + SQLFragment(" AND \(expression) = ?", [value])
            }
            parts.append(branch)
        }
        let select = groups + measures.map { "CAST(sum(\($0.name)) AS BIGINT) AS \($0.name)" }
        var sql =
            SQLFragment("SELECT \(select.joined(separator: ", ")) FROM (")
            + SQLFragment.join(parts, separator: " UNION ALL ") + SQLFragment(") r")
        if !groups.isEmpty {
            let list = groups.joined(separator: ", ")
            sql = sql + SQLFragment(" GROUP BY \(list) ORDER BY \(list)")
        }
        // Each group is one row: the statement sums every part.
        return try await db.raw(sql.expression).all().map { row in
            var keyValues: [String: String] = [:]
            for name in groupBy {
                let isText = keys.first { $0.name == name }?.isText ?? false
                keyValues[name] =
                    isText
                    ? try row.decode(column: name, as: String.self)
                    : String(try row.decode(column: name, as: Int64.self))
            }
            var values: [String: Int] = [:]
            // Sums of NOT NULL columns over a group are never NULL (a plain decode is cheaper); without
            // GROUP BY an empty table still yields one row, of NULLs.
            for measure in measures {
                let value =
                    groups.isEmpty
                    ? try row.decode(column: measure.name, as: Int64?.self) ?? 0
                    : try row.decode(column: measure.name, as: Int64.self)
                values[measure.name] = Int(value)
            }
            return Sums(
                bucket: bucketed ? try row.decode(column: "hour_ms", as: Int64.self) : nil, keys: keyValues,
                values: values)
        }
    }
}

/// A period of whole hours cut into the whole UTC days inside it (read from daily rollups) and the partial
/// days at either end (read from hourly ones).
struct DayParts {
    var parts: [(start: Date, end: Date, daily: Bool)]

    init(start: Date, end: Date, hoursOnly: Bool = false) {
        let firstDay = Granularity.day.bucketStart(of: start.addingTimeInterval(86_400 - 0.001))
        let lastDay = Granularity.day.bucketStart(of: end)
        guard !hoursOnly, firstDay < lastDay else {
            parts = [(start, end, false)]
            return
        }
        parts = [(firstDay, lastDay, true)]
        if start < firstDay { parts.append((start, firstDay, false)) }
        if lastDay < end { parts.append((lastDay, end, false)) }
    }
}
