import Foundation
import RapportAnalysis
import RapportCore
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Mention store")
struct MentionStoreTests {
    @Test(
        "a batch is stored with authors, rules and analysis, and reads back the same", arguments: TestEngine.available)
    func storesAndReadsBack(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = MentionStore(database: db)
            let post = Fixtures.post("1", text: "My phone has no signal 😡 'quoted' \"double\"", followers: 2_450_000)
            let analysis = Fixtures.analysis(.negative, level: .urgent, intents: [.complaint, .churnThreat])
            let result = try await store.insert([Fixtures.new(post, rules: [3, 7], analysis: analysis)])
            #expect(result.stored.count == 1)
            #expect(result.duplicates == 0)

            let page = try await store.search(MentionFilter())
            let m = try #require(page.items.first)
            #expect(m.post == post)
            #expect(m.matchedRuleIDs == [3, 7])
            #expect(m.analysis == analysis)
            #expect(m.id == result.stored[0].id)
        }
    }

    @Test("redelivery changes nothing: same key is a duplicate, even inside one batch", arguments: TestEngine.available)
    func idempotent(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = MentionStore(database: db)
            let first = Fixtures.post("42", followers: 10)
            _ = try await store.insert([Fixtures.new(first), Fixtures.new(first)])
            var again = first
            again.text = "edited text"
            again.author.followers = 999
            let second = try await store.insert([Fixtures.new(again)])
            #expect(second.stored.isEmpty)
            #expect(second.duplicates == 1)
            #expect(try await store.count() == 1)
            let m = try #require(try await store.search(MentionFilter()).items.first)
            #expect(m.post.text == first.text)
            #expect(m.post.author.followers == 10)
            let counters = try await store.counters()["x"]
            #expect(counters?.stored == 1)
            #expect(counters?.duplicate == 2)
        }
    }

    @Test("the same external id on two networks is two mentions", arguments: TestEngine.available)
    func keyIncludesNetwork(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = MentionStore(database: db)
            let r = try await store.insert([
                Fixtures.new(Fixtures.post("1", network: .x)), Fixtures.new(Fixtures.post("1", network: .reddit)),
            ])
            #expect(r.stored.count == 2)
        }
    }

    @Test("filters: rule, network, time, author, text, sentiment, intent, level", arguments: TestEngine.available)
    func filters(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = MentionStore(database: db)
            _ = try await store.insert([
                Fixtures.new(
                    Fixtures.post("1", text: "Refund still missing for my order", author: "dana", minutes: 1),
                    rules: [1],
                    analysis: Fixtures.analysis(.negative, level: .attention, intents: [.complaint])),
                Fixtures.new(
                    Fixtures.post("2", network: .reddit, text: "Great service today", author: "kim", minutes: 2),
                    rules: [2], analysis: Fixtures.analysis(.positive, intents: [.praise])),
                Fixtures.new(
                    Fixtures.post("3", text: "Is the refund policy 30 days?", author: "kim", minutes: 3),
                    rules: [1, 2],
                    analysis: Fixtures.analysis(.neutral, level: .urgent, intents: [.question])),
            ])
            func ids(_ f: MentionFilter) async throws -> [String] {
                try await store.search(f).items.map(\.post.externalID)
            }
            #expect(try await ids(MentionFilter()) == ["3", "2", "1"])
            #expect(try await ids(MentionFilter(ruleID: 1)) == ["3", "1"])
            #expect(try await ids(MentionFilter(network: .reddit)) == ["2"])
            #expect(
                try await ids(
                    MentionFilter(
                        since: Fixtures.start.addingTimeInterval(90), until: Fixtures.start.addingTimeInterval(150)))
                    == ["2"])
            #expect(try await ids(MentionFilter(author: "@KIM")) == ["3", "2"])
            #expect(try await ids(MentionFilter(text: FullTextQuery("REFUND"))) == ["3", "1"])
            #expect(try await ids(MentionFilter(text: FullTextQuery("refund order"))) == ["1"])
            #expect(try await ids(MentionFilter(text: FullTextQuery("\" OR * NEAR( -- ;"))) == [])
            #expect(try await ids(MentionFilter(sentiment: .negative)) == ["1"])
            #expect(try await ids(MentionFilter(intent: .question)) == ["3"])
            #expect(try await ids(MentionFilter(minLevel: .attention)) == ["3", "1"])
            #expect(try await ids(MentionFilter(level: .urgent)) == ["3"])
        }
    }

    @Test("cursor pagination walks every mention once, newest first", arguments: TestEngine.available)
    func pagination(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = MentionStore(database: db)
            // Pairs share a timestamp so the id tie-break matters.
            let batch = (0..<25).map { Fixtures.new(Fixtures.post("p\($0)", minutes: Double($0 / 2))) }
            _ = try await store.insert(batch)
            var seen: [String] = []
            var cursor: MentionCursor?
            repeat {
                let page = try await store.search(MentionFilter(), limit: 7, after: cursor)
                seen += page.items.map(\.post.externalID)
                cursor = page.nextCursor
                if let c = cursor { #expect(MentionCursor(token: c.token) == c) }
            } while cursor != nil
            #expect(seen.count == 25)
            #expect(Set(seen).count == 25)
            let created = try await store.mentions(
                ids: try await store.search(MentionFilter(), limit: 500).items.map(\.id))
            #expect(created.map(\.post.createdAt) == created.map(\.post.createdAt).sorted(by: >))
        }
    }

    @Test("a transaction that fails leaves nothing behind", arguments: TestEngine.available)
    func atomicTransaction(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = MentionStore(database: db)
            do {
                try await db.transaction { sql -> Void in
                    try await sql.raw("INSERT INTO ingest_counters (source, received) VALUES ('t', 5)").run()
                    throw StoreError.invalidArgument("abort")
                }
                Issue.record("the transaction should have thrown")
            } catch {
                #expect(error as? StoreError == .invalidArgument("abort"))
            }
            let counters = try await store.counters()
            #expect(counters["t"] == nil)
            #expect(MentionCursor(token: "not a cursor") == nil)
        }
    }

    @Test("authors accumulate a history: mentions, negative mentions, engagement", arguments: TestEngine.available)
    func authorHistory(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = MentionStore(database: db)
            let first = Fixtures.post("1", author: "dana")
            _ = try await store.insert([
                Fixtures.new(first, analysis: Fixtures.analysis(.negative)),
                Fixtures.new(Fixtures.post("2", author: "dana"), analysis: Fixtures.analysis(.positive)),
            ])
            _ = try await store.insert([
                Fixtures.new(Fixtures.post("3", author: "dana"), analysis: Fixtures.analysis(.negative))
            ])
            // A redelivery does not count twice.
            _ = try await store.insert([Fixtures.new(first, analysis: Fixtures.analysis(.negative))])
            let histories = try await store.authorHistories([first.author, Fixtures.post("9", author: "nobody").author])
            let h = try #require(histories[first.author.storeKey])
            #expect(h.mentionCount == 3)
            #expect(h.negativeCount == 2)
            #expect(h.averageEngagement == 1)
            #expect(histories.count == 1)
        }
    }

    @Test("analysis with hostile text in topics and reasons survives storage exactly", arguments: TestEngine.available)
    func analysisRoundTrip(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = MentionStore(database: db)
            var analysis = Fixtures.analysis(.negative, level: .urgent, intents: [.complaint, .question])
            analysis.topics = ["\"quoted\"", "back\\slash", "new\nline\ttab", "ctrl\u{01}", "😡 émoji", "</script>"]
            analysis.reasons = ["author has 2.4M followers", "\u{1F}"]
            analysis.sentiment = Sentiment(label: .negative, score: -0.123456789012345)
            _ = try await store.insert([Fixtures.new(Fixtures.post("1"), analysis: analysis)])
            let stored = try #require(try await store.search(MentionFilter()).items.first)
            #expect(stored.analysis == analysis)
        }
    }
}
