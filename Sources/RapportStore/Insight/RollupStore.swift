import Foundation
import RapportInsight
import SQLKit

/// Reads the mention rollups that `MentionStore.insert` maintains (``RollupCube``), for dashboards.
public struct RollupStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Which rollup rows to read.
    public struct Query: Sendable, Hashable {
        /// Hours whose start lies in [start, end).
        public var start: Date
        public var end: Date
        /// Only these rules (nil: all, including rule 0, "no rule").
        public var ruleIDs: [Int64]?
        /// Only this network.
        public var network: String?

        public init(start: Date, end: Date, ruleIDs: [Int64]? = nil, network: String? = nil) {
            self.start = start
            self.end = end
            self.ruleIDs = ruleIDs
            self.network = network
        }
    }

    /// The counts of the matching rows of one cube (``RollupCube/main`` without the language, or the
    /// language cube with `languages`); each key carries its rule's brand ("" for rule 0 or a deleted rule)
    /// and blanks the dimensions the cube does not keep.
    public func counts(_ query: Query, languages: Bool = false) async throws -> RollupCounter {
        guard let conditions = Self.conditions(query) else { return RollupCounter() }
        let cube = languages ? RollupCube.languages : RollupCube.main
        let columns = cube.dimensions.map { "r.\($0.rawValue)" }.joined(separator: ", ")
        let sql =
            SQLFragment(
                """
                SELECT r.hour_ms, r.rule_id, coalesce(l.brand, '') AS brand, \(columns), r.mention_count
                FROM \(cube.hourly) r LEFT JOIN listening_rules l ON l.id = r.rule_id WHERE 
                """) + SQLFragment.join(conditions, separator: " AND ")
        return try await database.read { db in
            var counts: [RollupKey: Int] = [:]
            for row in try await db.raw(sql.expression).all() {
                var key = RollupKey(
                    timestamp: Date(milliseconds: try row.decode(column: "hour_ms", as: Int64.self)),
                    brand: try row.decode(column: "brand", as: String.self),
                    ruleID: String(try row.decode(column: "rule_id", as: Int64.self)))
                for dimension in cube.dimensions {
                    key.set(dimension, try row.decode(column: dimension.rawValue, as: String.self))
                }
                counts[key, default: 0] += Int(try row.decode(column: "mention_count", as: Int64.self))
            }
            return RollupCounter(counts: counts)
        }
    }

    /// Totals of the matching rows summed in the database over every dimension but `dimensions` (and the
    /// hour, unless `hourly` is false: then every key has the query's start as its hour). Dashboards use this:
    /// a month of rollups is millions of rows, but a chart needs only a few thousand sums.
    ///
    /// The language is kept in its own cube: it can be combined with the brand, rule and network, not with
    /// the sentiment or level (a precondition).
    ///
    /// With `precision` of a day or more, whole UTC days inside the period are read from the daily rollups
    /// (their keys then carry the day's start) and only the partial days at either end from the hourly ones.
    public func totals(
        _ query: Query, by dimensions: [RollupDimension], hourly: Bool, precision: Granularity = .hour
    ) async throws -> RollupCounter {
        guard let cube = RollupCube.answering(dimensions) else {
            preconditionFailure("no rollup cube keeps \(dimensions) together")
        }
        let parts = DayParts(start: query.start, end: query.end, hoursOnly: precision == .hour).parts
        guard parts.contains(where: \.daily) else {
            return try await totals(query, by: dimensions, hourly: hourly, table: cube.hourly)
        }
        var result = RollupCounter()
        for part in parts {
            let counts = try await totals(
                Self.slice(query, part.start, part.end), by: dimensions, hourly: hourly,
                table: part.daily ? cube.daily : cube.hourly)
            for (key, count) in counts.counts {
                var key = key
                // Without time grouping every key carries the whole period's start.
                if !hourly { key.hourStart = query.start }
                result.add(key, count: count)
            }
        }
        return result
    }

    private static func slice(_ query: Query, _ start: Date, _ end: Date) -> Query {
        var part = query
        part.start = start
        part.end = end
        return part
    }

    private func totals(_ query: Query, by dimensions: [RollupDimension], hourly: Bool, table: String) async throws
        -> RollupCounter
    {
        guard let conditions = Self.conditions(query) else { return RollupCounter() }
        let columns: [(RollupDimension, String)] = dimensions.map { d in
            switch d {
            case .brand: (d, "coalesce(l.brand, '')")
            case .rule: (d, "r.rule_id")
            case .network, .sentiment, .level, .language: (d, "r.\(d.rawValue)")
            }
        }
        var groups = columns.map(\.1)
        if hourly { groups.insert("r.hour_ms", at: 0) }
        let select = groups.enumerated().map { "\($1) AS g\($0)" } + ["CAST(sum(r.mention_count) AS BIGINT) AS n"]
        var sql = SQLFragment("SELECT " + select.joined(separator: ", ") + " FROM \(table) r")
        if dimensions.contains(.brand) {
            sql = sql + SQLFragment(" LEFT JOIN listening_rules l ON l.id = r.rule_id")
        }
        sql = sql + SQLFragment(" WHERE ") + SQLFragment.join(conditions, separator: " AND ")
        if !groups.isEmpty { sql = sql + SQLFragment(" GROUP BY " + groups.joined(separator: ", ")) }
        let finalSQL = sql
        return try await database.read { db in
            var counts: [RollupKey: Int] = [:]
            for row in try await db.raw(finalSQL.expression).all() {
                guard let n = try row.decode(column: "n", as: Int64?.self), n != 0 else { continue }
                var offset = 0
                var key = RollupKey(timestamp: query.start)
                if hourly {
                    key.hourStart = Date(milliseconds: try row.decode(column: "g0", as: Int64.self))
                    offset = 1
                }
                for (index, (dimension, _)) in columns.enumerated() {
                    let column = "g\(index + offset)"
                    let value =
                        dimension == .rule
                        ? String(try row.decode(column: column, as: Int64.self))
                        : try row.decode(column: column, as: String.self)
                    key.set(dimension, value)
                }
                counts[key, default: 0] += Int(n)
            }
            return RollupCounter(counts: counts)
        }
    }

    /// The WHERE conditions of `query`, or nil when it can match nothing (an empty rule list).
    private static func conditions(_ query: Query) -> [SQLFragment]? {
        var conditions = [
            SQLFragment(
                "r.hour_ms >= ? AND r.hour_ms < ?",
                [query.start.millisecondsSince1970, query.end.millisecondsSince1970])
        ]
        if let ids = query.ruleIDs {
            if ids.isEmpty { return nil }
            conditions.append(SQLFragment("r.rule_id IN (" + SQLFragment.placeholders(ids.count) + ")", ids))
        }
        if let network = query.network { conditions.append(SQLFragment("r.network = ?", [network])) }
        return conditions
    }

    /// Adds counts directly, without mentions behind them: for benchmarks and imports of pre-aggregated
    /// history. Rule ids are decimal strings; brands are ignored (they come from the rules).
    public func add(_ counter: RollupCounter) async throws {
        let dialect = database.dialect
        try await database.transaction { db in try await RollupWriter.upsert(db, dialect, counter) }
    }

    /// Number of hourly rows of the main cube (benchmarks, tests).
    public func rowCount() async throws -> Int {
        try await database.read { db in
            Int(
                try await db.raw("SELECT count(*) AS n FROM \(unsafeRaw: RollupCube.main.hourly)").first()?.decode(
                    column: "n", as: Int64.self) ?? 0)
        }
    }
}
