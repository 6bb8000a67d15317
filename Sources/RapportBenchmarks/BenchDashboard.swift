import ArgumentParser
import Foundation
import RapportAnalysis
import RapportCore
import RapportInsight
import RapportServer
import RapportStore

/// `rapport bench dashboard`: fills the rollup table with the hourly rollups of N synthetic mentions over the
/// last 30 days (written directly, without the mentions), then times `GET /dashboard` through the real server.
struct BenchDashboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Seed the rollups of N mentions, then time the dashboard page over loopback HTTP.")

    @Option(help: "Mentions whose rollups are seeded (spread over the last 30 days).") var mentions = 10_000_000
    @Option(help: "Conversations (with messages and surveys) seeded over the same 30 days (default: mentions ÷ 50).")
    var conversations: Int?
    @Option(help: "Newest mentions stored as rows (analysed, in the last 90 minutes): the page's recent sample.")
    var recentMentions = 20_000
    @Option(help: "Requests per period.") var requests = 50
    @Option(help: "Database: sqlite (a temporary file) or a postgres:// URL of an empty database.") var database =
        "sqlite"
    @Option(help: "Port for the benchmark server.") var port = 18_182

    /// Category weights of the synthetic traffic (each list sums to 1).
    static let networks: [(String, Double)] = [
        ("x", 0.35), ("facebook", 0.15), ("instagram", 0.12), ("reddit", 0.12), ("mastodon", 0.06), ("bluesky", 0.08),
        ("feed", 0.04), ("email", 0.04), ("webchat", 0.04),
    ]
    static let sentiments: [(String, Double)] = [("positive", 0.3), ("neutral", 0.45), ("negative", 0.25)]
    static let levels: [(String, Double)] = [("noise", 0.1), ("relevant", 0.6), ("attention", 0.22), ("urgent", 0.08)]
    static let languages: [(String, Double)] = [("en", 0.7), ("fr", 0.1), ("de", 0.08), ("es", 0.07), ("", 0.05)]
    static let ruleWeights: [Double] = [0.4, 0.1, 0.15, 0.1, 0.1, 0.08, 0.07]

    func run() async throws {
        guard mentions > 0, requests > 0 else { throw ValidationError("--mentions and --requests must be positive") }
        let bench = try await PageBenchmark.open(database: database, name: "dashboard", port: port)
        defer { bench.close() }
        let services = bench.services
        var ruleIDs: [Int64] = []
        for (name, brand, competitor) in [
            ("acme-brand", "acme", false), ("acme-outage", "acme", false), ("globex", "globex", true),
            ("initech", "initech", true), ("umbrella", "umbrella", true), ("hooli", "hooli", true),
            ("vandelay", "vandelay", true),
        ] {
            ruleIDs.append(
                try await services.rules.create(name: name, brand: brand, isCompetitor: competitor, query: name).id)
        }
        let analyst = try await services.desk.createUser(
            email: "bench-analyst@rapport.test", name: "Bench Analyst", role: "analyst", password: "bench-password-1",
            by: nil)

        let started = Date()
        let rows = try await seed(RollupStore(database: services.database), ruleIDs: ruleIDs, now: started)
        print(
            String(
                format: "seeded the rollups of %d mentions (%d rows) in %.1f s", mentions, rows,
                Date().timeIntervalSince(started)))
        let seeded = Date()
        let desk = try await DashboardSeed(database: services.database).seed(
            count: conversations ?? mentions / 50, now: started)
        print(
            String(
                format: "seeded %d conversations (%d messages, %d answered surveys) in %.1f s", desk.conversations,
                desk.messages, desk.surveys, Date().timeIntervalSince(seeded)))

        let stored = Date()
        try await storeRecent(services.mentions, database: services.database, ruleIDs: ruleIDs, now: started)
        print(
            String(
                format: "stored the newest %d mentions as analysed rows in %.1f s", recentMentions,
                Date().timeIntervalSince(stored)))
        if services.database.dialect == .postgres {
            // What autovacuum does to a live database after bulk changes: planner statistics, and a visibility
            // map so the covering indexes are read without visiting the table.
            try await services.database.execute("VACUUM ANALYZE")
        }
        print(
            "GET /dashboard (\(requests) requests each after 3 warm-up, sequential, loopback HTTP; times include the client)"
        )
        try await bench.time(
            [
                ("24 h", { "/dashboard?range=24h" }), ("7 d", { "/dashboard?range=7d" }),
                ("30 d", { "/dashboard?range=30d" }), ("30 d, one rule", { "/dashboard?range=30d&rule=\(ruleIDs[0])" }),
                ("30 d, x only", { "/dashboard?range=30d&network=x" }),
            ], requests: requests, warmUp: 3, cookie: try await bench.sessionCookie(for: analyst.id))
    }

    /// Stores `recentMentions` analysed posts (the analysis benchmark's texts, 2,000 authors) over the 90
    /// minutes before `now`, through the real insert (so their rollups count too).
    private func storeRecent(_ store: MentionStore, database: Database, ruleIDs: [Int64], now: Date) async throws {
        let analyzer = Analyzer()
        let texts = AnalysisBenchmark.corpus(count: recentMentions)
        for start in stride(from: 0, to: texts.count, by: 1_000) {
            let batch = (start..<min(start + 1_000, texts.count)).map { i -> NewMention in
                let author = Author(
                    network: .x, externalID: "bench-\(i % 2_000)", handle: "fan\(i % 2_000)",
                    followers: (i % 2_000) * (i % 7 == 0 ? 5_000 : 40))
                let post = IncomingPost(
                    network: .x, externalID: "bench-\(i)", author: author, text: texts[i],
                    createdAt: now.addingTimeInterval(-5_400 * Double(texts.count - i) / Double(texts.count)),
                    origin: .publicStream)
                let analysis = analyzer.analyze(
                    AnalysisInput(text: post.text, network: "x", followers: author.followers))
                return NewMention(
                    post: post, matchedRuleIDs: [ruleIDs[i % ruleIDs.count]], analysis: analysis, source: "bench")
            }
            _ = try await store.insert(batch)
        }
        // Urgent ones open conversations: let the desk intake finish before the clock starts.
        _ = try await ConversationIntake(database: database).drain()
        try await database.foldRollupJournals()
    }

    /// Spreads `mentions` over the 720 hours before `now` (a daily cycle, 0.3× at night to 1.7× in the evening)
    /// and, within each hour, over rule × network × sentiment × level × language by the weights above; one
    /// transaction per day of rollups. Returns the number of rollup rows.
    private func seed(_ store: RollupStore, ruleIDs: [Int64], now: Date) async throws -> Int {
        let hours = 30 * 24
        let end = hourBucketStart(now)
        let cycle = (0..<hours).map { 1 + 0.7 * sin(Double($0 % 24 - 9) / 24 * 2 * .pi) }
        let cycleSum = cycle.reduce(0, +)
        var combos:
            [(rule: Int64, network: String, sentiment: String, level: String, language: String, weight: Double)] = []
        for (r, rw) in zip(ruleIDs, Self.ruleWeights) {
            for (n, nw) in Self.networks {
                for (s, sw) in Self.sentiments {
                    for (l, lw) in Self.levels {
                        for (g, gw) in Self.languages { combos.append((r, n, s, l, g, rw * nw * sw * lw * gw)) }
                    }
                }
            }
        }
        var remaining = mentions
        var counter = RollupCounter()
        for hour in 0..<hours {
            let start = end.addingTimeInterval(-Double(hours - hour) * 3_600)
            var total = hour == hours - 1 ? remaining : Int((Double(mentions) * cycle[hour] / cycleSum).rounded())
            total = min(total, remaining)
            remaining -= total
            var placed = 0
            for c in combos {
                let n = Int(Double(total) * c.weight)
                guard n > 0 else { continue }
                placed += n
                counter.add(
                    RollupKey(
                        timestamp: start, ruleID: String(c.rule), network: c.network, sentiment: c.sentiment,
                        level: c.level, language: c.language), count: n)
            }
            if total > placed {  // rounding remainder to the most common combination
                counter.add(
                    RollupKey(
                        timestamp: start, ruleID: String(ruleIDs[0]), network: "x", sentiment: "neutral",
                        level: "relevant", language: "en"), count: total - placed)
            }
            if hour % 24 == 23 || hour == hours - 1 {
                try await store.add(counter)
                counter = RollupCounter()
            }
        }
        return try await store.rowCount()
    }
}
