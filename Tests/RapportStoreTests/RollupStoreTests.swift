import Foundation
import RapportAnalysis
import RapportCore
import RapportInsight
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Rollups maintained at ingest")
struct RollupStoreTests {
    /// A deterministic mix: several hours, networks, sentiments, levels, languages, zero to two rules.
    static func batch(_ range: Range<Int>) -> [NewMention] {
        let networks: [Network] = [.x, .reddit, .mastodon]
        let labels: [Sentiment.Label] = [.positive, .neutral, .negative]
        let levels: [Level] = [.relevant, .attention, .urgent]
        return range.map { i in
            var post = Fixtures.post("p\(i)", network: networks[i % 3], author: "a\(i % 7)", minutes: Double(i * 17))
            post.language = i % 4 == 0 ? "FR" : (i % 3 == 0 ? nil : "en")
            var analysis: PostAnalysis? = Fixtures.analysis(labels[i % 3], level: levels[(i / 3) % 3])
            analysis?.language = i % 4 == 0 ? "fr" : "en"
            if i % 11 == 0 { analysis = nil }  // stored without analysis: "" sentiment, level and language
            let rules: [Int64] = i % 5 == 0 ? [] : (i % 2 == 0 ? [1, 2] : [2])
            return Fixtures.new(post, rules: rules, analysis: analysis)
        }
    }

    /// Counts straight from the raw rows: what the rollups must equal.
    static func direct(_ db: Database) async throws -> [String: Int] {
        try await db.read { sql in
            var counts: [String: Int] = [:]
            let rows = try await sql.raw(
                """
                SELECT m.created_ms / 3600000 * 3600000 AS hour_ms, coalesce(r.rule_id, 0) AS rule_id, m.network,
                    coalesce(m.sentiment, '') AS sentiment, coalesce(m.level, '') AS level,
                    lower(coalesce(m.language, m.analysis_language, '')) AS language, count(*) AS n
                FROM mentions m LEFT JOIN mention_rules r ON r.mention_id = m.id
                GROUP BY m.created_ms / 3600000 * 3600000, coalesce(r.rule_id, 0), m.network,
                    coalesce(m.sentiment, ''), coalesce(m.level, ''), lower(coalesce(m.language, m.analysis_language, ''))
                """
            ).all()
            for row in rows {
                let key = [
                    String(try row.decode(column: "hour_ms", as: Int64.self)),
                    String(try row.decode(column: "rule_id", as: Int64.self)),
                    try row.decode(column: "network", as: String.self),
                    try row.decode(column: "sentiment", as: String.self),
                    try row.decode(column: "level", as: String.self),
                    try row.decode(column: "language", as: String.self),
                ].joined(separator: "|")
                counts[key] = Int(try row.decode(column: "n", as: Int64.self))
            }
            return counts
        }
    }

    /// The rollups of both cubes, keyed like ``direct(_:)`` projected onto the cube's columns.
    static func rolled(_ db: Database, languages: Bool = false) async throws -> [String: Int] {
        let counter = try await RollupStore(database: db).counts(
            .init(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 4_000_000_000)),
            languages: languages)
        var counts: [String: Int] = [:]
        for (key, n) in counter.counts {
            let k =
                [String(key.hourStart.millisecondsSince1970), key.ruleID, key.network]
                + (languages ? [key.language] : [key.sentiment, key.level])
            counts[k.joined(separator: "|"), default: 0] += n
        }
        return counts.filter { $0.value != 0 }  // a retraction can leave a row at zero
    }

    /// `counts` (hour|rule|network|sentiment|level|language) summed over the fields not in `keep`.
    static func project(_ counts: [String: Int], keep: [Int]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (key, n) in counts {
            let fields = key.split(separator: "|", omittingEmptySubsequences: false)
            result[keep.map { String(fields[$0]) }.joined(separator: "|"), default: 0] += n
        }
        return result
    }

    @Test(
        "rollups equal a GROUP BY over mentions and rule links, redeliveries not counted",
        arguments: TestEngine.available)
    func agreesWithRawRows(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = MentionStore(database: db)
            _ = try await store.insert(Self.batch(0..<120))
            // Redelivered: a batch overlapping the first, with repeats inside the batch too.
            let again = Self.batch(100..<200) + Self.batch(150..<160)
            let second = try await store.insert(again)
            #expect(second.stored.count == 80)
            _ = try await store.insert(Self.batch(0..<200))  // everything again: nothing new
            let direct = try await Self.direct(db)
            let rolled = try await Self.rolled(db)
            #expect(try await store.count() == 200)
            #expect(!direct.isEmpty)
            #expect(rolled == Self.project(direct, keep: [0, 1, 2, 3, 4]))
            #expect(try await Self.rolled(db, languages: true) == Self.project(direct, keep: [0, 1, 2, 5]))
            // Mentions with no rule are counted under rule 0; two rules count once each.
            #expect(rolled.filter { $0.key.split(separator: "|")[1] == "0" }.values.reduce(0, +) == 40)
            #expect(rolled.values.reduce(0, +) == 200 + 80)
            // Sums done in SQL agree with sums of the rows.
            let everything = RollupStore.Query(
                start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 4_000_000_000))
            let rows = try await RollupStore(database: db).counts(everything)
            let byNetwork = try await RollupStore(database: db).totals(everything, by: [.network], hourly: true)
            #expect(byNetwork.total == rows.total)
            for network in ["x", "reddit", "mastodon"] {
                #expect(
                    byNetwork.filter { $0.network == network }.counts.count
                        == Set(rows.filter { $0.network == network }.counts.keys.map(\.hourStart)).count)
            }
            let levels = try await RollupStore(database: db).totals(everything, by: [.level], hourly: false)
            #expect(levels.totals(by: .level) == rows.totals(by: .level))
            let languages = try await RollupStore(database: db).totals(everything, by: [.language], hourly: false)
            let languageRows = try await RollupStore(database: db).counts(everything, languages: true)
            #expect(languages.totals(by: .language) == languageRows.totals(by: .language))
            #expect(languages.total == rows.total)
            try await Self.expectChartCubesAgree(db)
            // Re-analysis moves the mentions' counts to their new sentiment and level in every cube.
            let some = try await store.mentions(afterID: 0, limit: 60)
            try await store.updateAnalyses(
                some.map { m in
                    (
                        m.id,
                        Fixtures.analysis(
                            m.analysis?.sentiment.label == .negative ? .positive : .negative, level: .urgent)
                    )
                })
            let moved = try await Self.direct(db)
            #expect(moved != direct)
            #expect(try await Self.rolled(db) == Self.project(moved, keep: [0, 1, 2, 3, 4]))
            #expect(try await Self.rolled(db, languages: true) == Self.project(moved, keep: [0, 1, 2, 5]))
            try await Self.expectChartCubesAgree(db)
        }
    }

    /// The narrow cubes the dashboard's charts read (network; network × sentiment; network × level), hour by
    /// hour, equal a direct count.
    static func expectChartCubesAgree(_ db: Database) async throws {
        let direct = try await Self.direct(db)
        let store = RollupStore(database: db)
        let everything = RollupStore.Query(
            start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 4_000_000_000))
        for (dimension, field) in [(RollupDimension.network, 2), (.sentiment, 3), (.level, 4)] {
            let totals = try await store.totals(everything, by: [dimension], hourly: true)
            var keyed: [String: Int] = [:]
            for (key, n) in totals.counts where n != 0 {
                keyed["\(key.hourStart.millisecondsSince1970)|\(key.value(of: dimension))", default: 0] += n
            }
            #expect(keyed == Self.project(direct, keep: [0, field]).filter { $0.value != 0 }, "by \(dimension)")
        }
    }

    @Test(
        "daily rollups give the same sums as the hourly ones, partial days at either end included",
        arguments: TestEngine.available)
    func dailyAgreesWithHourly(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            _ = try await MentionStore(database: db).insert(Self.batch(0..<200))  // about 2.4 days of posts
            let store = RollupStore(database: db)
            let start = hourBucketStart(Fixtures.start.addingTimeInterval(3 * 3_600))
            let end = hourBucketStart(Fixtures.start.addingTimeInterval(2 * 86_400 + 5 * 3_600))
            let period = RollupStore.Query(start: start, end: end)
            let range = TimeRange(start: start, end: end)
            for dimensions in [[RollupDimension.network], [.sentiment, .level], [.language], [.brand, .language]] {
                let hourly = try await store.totals(period, by: dimensions, hourly: true, precision: .hour)
                let daily = try await store.totals(period, by: dimensions, hourly: true, precision: .day)
                #expect(daily.total == hourly.total)
                #expect(daily.counts.count < hourly.counts.count, "whole days come as one row per key")
                let a = hourly.timeSeries(by: dimensions[0], over: range, granularity: .day)
                let b = daily.timeSeries(by: dimensions[0], over: range, granularity: .day)
                #expect(a.lines.map(\.values) == b.lines.map(\.values))
                let flatHourly = try await store.totals(period, by: dimensions, hourly: false, precision: .hour)
                let flatDaily = try await store.totals(period, by: dimensions, hourly: false, precision: .day)
                #expect(flatDaily.counts == flatHourly.counts)
            }
        }
    }

    @Test("reads filter by rule and network and carry the rule's brand", arguments: TestEngine.available)
    func filtersAndBrand(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let rules = RuleStore(database: db)
            let acme = try await rules.create(name: "acme", brand: "acme", isCompetitor: false, query: "acme")
            let globex = try await rules.create(name: "globex", brand: "globex", isCompetitor: true, query: "globex")
            let store = MentionStore(database: db)
            _ = try await store.insert([
                Fixtures.new(Fixtures.post("1", network: .x), rules: [acme.id], analysis: Fixtures.analysis(.negative)),
                Fixtures.new(Fixtures.post("2", network: .reddit), rules: [acme.id, globex.id]),
                Fixtures.new(Fixtures.post("3", network: .x, minutes: 90), rules: [globex.id]),
            ])
            let rollups = RollupStore(database: db)
            let all = try await rollups.counts(
                .init(start: Fixtures.start.addingTimeInterval(-3_600), end: Fixtures.start.addingTimeInterval(7_200)))
            #expect(all.totals(by: .brand) == ["acme": 2, "globex": 2])
            let onlyX = try await rollups.counts(
                .init(
                    start: Fixtures.start.addingTimeInterval(-3_600), end: Fixtures.start.addingTimeInterval(7_200),
                    ruleIDs: [globex.id], network: "x"))
            #expect(onlyX.total == 1)
            #expect(onlyX.totals(by: .sentiment) == ["": 1])
            // Hours outside the range are left out.
            let firstHour = try await rollups.counts(
                .init(start: Fixtures.start.addingTimeInterval(-3_600), end: Fixtures.start.addingTimeInterval(1_800)))
            #expect(firstHour.total == 3)
            let voices = try await rollups.totals(
                .init(start: Fixtures.start.addingTimeInterval(-3_600), end: Fixtures.start.addingTimeInterval(7_200)),
                by: [.brand], hourly: false)
            #expect(voices.totals(by: .brand) == ["acme": 2, "globex": 2])
        }
    }
}
