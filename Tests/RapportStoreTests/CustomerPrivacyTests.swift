import Foundation
import RapportAnalysis
import RapportCore
import RapportDesk
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

/// Export and erasure of one person, checked against the whole database: a marker planted in every personal field
/// must be exported, then found nowhere (every column of every table, the full-text index) after the erase.
@Suite("Data-subject rights: customer export and erase")
struct CustomerPrivacyTests {
    static let marker = "qzxmarker42"

    /// Dana (every personal field carries the marker) and Kim (another customer, never touched).
    struct World {
        var dana: Int64
        var danaEmailProfile: Int64
        var kim: Int64
        var agent: User
    }

    static func plant(_ db: Database) async throws -> World {
        let m = marker
        let users = UserStore(database: db)
        let agent = try await users.create(email: "ana@acme.test", name: "Ana", role: .agent, passwordHash: "x")
        let colleague = try await users.create(email: "bo@acme.test", name: "Bo", role: .agent, passwordHash: "x")
        var dm = Fixtures.post("dm-1", network: .messenger, text: "where is my refund \(m)?", author: "dana")
        dm.kind = .directMessage
        dm.origin = .owned
        dm.author = Author(
            network: .messenger, externalID: "psid-\(m)", handle: "dana_\(m)", displayName: "Dana \(m)",
            profileURL: "https://facebook.example/\(m)", bio: "bio \(m)")
        dm.url = "https://messenger.example/\(m)"
        var urgent = Fixtures.post("x-1", text: "cancelling my contract \(m) #\(m)", author: "dana\(m)")
        urgent.author.bio = "tweets \(m)"
        urgent.title = "title \(m)"
        let quiet = Fixtures.post("x-2", text: "still no signal \(m)", author: "dana\(m)", minutes: 5)
        var kimDM = Fixtures.post("dm-2", network: .messenger, text: "kim says hello", author: "kim")
        kimDM.kind = .directMessage
        kimDM.origin = .owned
        let mentions = MentionStore(database: db)
        _ = try await mentions.insert([
            Fixtures.new(dm, analysis: Fixtures.analysis(.negative, level: .attention, intents: [.question])),
            Fixtures.new(urgent, analysis: Fixtures.analysis(.negative, level: .urgent, intents: [.churnThreat])),
            Fixtures.new(kimDM, analysis: Fixtures.analysis(.positive, level: .relevant)),
        ])
        _ = try await ConversationIntake(database: db).drain()
        // A public post of Dana's account that opened no conversation: found through the verified identity.
        _ = try await mentions.insert([
            Fixtures.new(quiet, analysis: Fixtures.analysis(.negative, level: .relevant))
        ])
        let conversations = ConversationStore(database: db)
        let all = try await conversations.inbox(InboxQuery(queue: .all, limit: 50))
        let danaDM = try #require(all.first { $0.network == "messenger" && $0.customerName.hasPrefix("Dana") })
        let danaX = try #require(all.first { $0.network == "x" })
        let kimConversation = try #require(all.first { $0.customerName == "Kim" })
        let dana = danaDM.customerID
        // Dana's two social profiles are one person.
        let customers = CustomerStore(database: db)
        if danaX.customerID != dana {
            _ = try await customers.merge(source: danaX.customerID, into: dana, by: agent.id)
        }
        _ = try await conversations.reply(to: danaDM.id, by: agent, text: "Hi Dana \(m), refund is on its way")
        _ = try await conversations.note(
            on: danaDM.id, by: agent, text: "VIP, lives at 1 \(m) street", mentions: [colleague.id])
        // An email profile of Dana's, merged in (its identity and facts move over).
        let emailProfile = try await ExperienceSeedWriter(database: db).customer(
            name: "Dana W \(m)", email: "dana.\(m)@example.org", at: Date())
        _ = try await customers.merge(source: emailProfile, into: dana, by: agent.id)
        _ = try await customers.mergeFacts(["address": .text("1 \(m) street")], customerID: dana, by: agent.id)
        _ = try await customers.setTags(["tag\(m)"], customerID: dana)
        _ = try await customers.setConsent(
            .publicQuotes, granted: true, source: "said so in chat \(m)", customerID: dana, by: "agent:\(agent.id)",
            userID: agent.id)
        let surveys = SurveyStore(database: db)
        _ = try await surveys.create(
            kind: .csat, customerID: dana, conversationID: danaDM.id, tokenHash: "survey-token-1",
            message: "How did we do, Dana \(m)?", expiresAt: Date().addingTimeInterval(86_400))
        // A detractor's comment opens a follow-up conversation quoting it.
        _ = try await surveys.answer(tokenHash: "survey-token-1", score: 1, comment: "awful, \(m)")
        _ = try await OrderStore(database: db).record([
            NewOrder(customer: .id(dana), orderID: "order-\(m)", orderedAt: Date(), amount: 49.9, currency: "EUR")
        ])
        try await plantAlert(db, mentionID: try await mentionID(db, "x-1"))
        try await AlertTeamStore(database: db).notify(userIDs: [agent.id], text: "alert: @dana\(m) is trending")
        return World(dana: dana, danaEmailProfile: emailProfile, kim: kimConversation.customerID, agent: agent)
    }

    static func mentionID(_ db: Database, _ externalID: String) async throws -> Int64 {
        try await db.read { sql in
            try await sql.raw("SELECT id FROM mentions WHERE external_id = \(bind: externalID)").first()!
                .decode(column: "id", as: Int64.self)
        }
    }

    /// An alert whose evidence quotes Dana's post and names her account, beside a stranger's.
    static func plantAlert(_ db: Database, mentionID: Int64) async throws {
        let json = """
            {"windowSeconds":3600,"observedCount":40,"expectedCount":10,"observedRate":40,"expectedRate":10,
             "negativeCount":30,"negativeShare":0.75,"baselineNegativeShare":0.2,"amplifiedCount":3,
             "expectedAmplifiedCount":1,"pValue":0.001,"threshold":0.01,"seasonalBaseline":false,"peakRatio":4,
             "topPosts":[],"topAuthors":[],"trendingTerms":["signal","dana\(marker)"]}
            """
        var evidence = try JSONDecoder().decode(AlertEvidenceRecord.self, from: Data(json.utf8))
        evidence.topPosts = [
            .init(
                mentionID: mentionID, network: "x", externalID: "x-1", url: "https://x.com/dana\(marker)/status/x-1",
                author: "dana\(marker)", followers: 100, text: "cancelling my contract \(marker)", engagement: 5),
            .init(
                mentionID: nil, network: "x", externalID: "other", url: nil, author: "stranger", followers: 9,
                text: "no signal here either", engagement: 1),
        ]
        evidence.topAuthors = [
            .init(network: "x", handle: "dana\(marker)", followers: 100, posts: 2),
            .init(network: "x", handle: "stranger", followers: 9, posts: 1),
        ]
        let encoded = String(decoding: try JSONEncoder().encode(evidence), as: UTF8.self)
        let now = Date().millisecondsSince1970
        try await db.transaction { sql in
            try await sql.raw(
                """
                INSERT INTO alerts (detector_id, kind, series_key, rule_id, topic, started_ms, detected_ms, updated_ms,
                    episode, status, evidence, created_ms)
                VALUES ('d-1', 'spike', 'rule:1', 1, NULL, \(bind: now), \(bind: now), \(bind: now), 'open', 'open',
                    \(bind: encoded), \(bind: now))
                """
            ).run()
        }
    }

    static func fullTextHits(_ db: Database, _ word: String) async throws -> Int {
        try await MentionStore(database: db).search(MentionFilter(text: FullTextQuery(word))).items.count
    }

    @Test("the export holds every kind of data stored about the person", arguments: TestEngine.available)
    func exportHoldsEverything(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let world = try await Self.plant(db)
            let export = try #require(
                try await CustomerExporter(database: db).export(
                    customerID: world.dana, by: world.agent.id, from: "test"))
            #expect(export.customerID == world.dana)
            #expect(export.profiles.map(\.id).first == world.dana)
            #expect(export.profiles.contains { $0.id == world.danaEmailProfile && $0.mergedInto == world.dana })
            #expect(export.profiles[0].facts["address"] == .text("1 \(Self.marker) street"))
            #expect(export.profiles[0].tags == ["tag\(Self.marker)"])
            #expect(Set(export.identities.map(\.kind)).isSuperset(of: ["facebook", "x", "email"]))
            #expect(export.consent[.publicQuotes]?.source == "said so in chat \(Self.marker)")
            let messages = export.conversations.flatMap(\.messages)
            #expect(messages.contains { $0.direction == .incoming && $0.body.contains(Self.marker) })
            #expect(messages.contains { $0.direction == .outgoing && $0.body.hasPrefix("Hi Dana") })
            #expect(export.conversations.count >= 3, "DM, public thread, survey follow-up")
            #expect(
                export.conversations.flatMap(\.events).contains { if case .note = $0.change { true } else { false } })
            #expect(export.notes.map(\.body) == ["VIP, lives at 1 \(Self.marker) street"])
            #expect(Set(export.authors.map(\.network)) == ["messenger", "x"])
            #expect(export.authors.contains { $0.bio == "bio \(Self.marker)" })
            #expect(Set(export.mentions.map(\.externalID)) == ["dm-1", "x-1", "x-2"], "x-2 opened no conversation")
            #expect(export.surveys.map(\.comment) == ["awful, \(Self.marker)"])
            #expect(export.orders.map(\.orderID) == ["order-\(Self.marker)"])
            #expect(export.merges.count >= 1)
            let kim = try #require(
                try await CustomerExporter(database: db).export(customerID: world.kim, by: nil, from: "t"))
            #expect(!String(decoding: try JSONEncoder().encode(kim), as: UTF8.self).contains(Self.marker))
            #expect(try await CustomerExporter(database: db).export(customerID: 999_999, by: nil, from: "t") == nil)
            let audit = try await AuditLog(database: db).recent()
            #expect(
                audit.contains {
                    $0.action == "customer.export" && $0.target == "customer:\(world.dana)"
                        && $0.detail.hasPrefix("from test")
                })
        }
    }

    @Test(
        "erase leaves the marker in no column of any table nor in the full-text index; rollups, counts and other customers stay",
        arguments: TestEngine.available)
    func eraseLeavesNoTrace(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let world = try await Self.plant(db)
            let planted = try await StoreScan.columnsContaining(Self.marker, in: db)
            // The scan sees the marker where it was planted (so an empty result after the erase means something).
            for column in [
                "mentions.text", "authors.handle", "authors.bio", "authors.profile_url", "authors.external_id",
                "customers.name", "customers.facts", "customer_identities.value", "conversation_messages.body",
                "conversation_events.change", "outbox.payload", "notifications.text", "surveys.comment",
                "orders.order_ref", "alerts.evidence", "audit_log.detail", "customer_merges.identities",
            ] {
                #expect(planted.contains(column), "planted in \(column)")
            }
            #expect(try await Self.fullTextHits(db, Self.marker) == 3)
            let rollups = try await StoreScan.rollups(db)
            let conversationsBefore = try await ConversationStore(database: db).count()
            let kimBefore = try await CustomerStore(database: db).profile(id: world.kim)

            let report = try #require(
                try await CustomerEraser(database: db).erase(customerID: world.dana, by: world.agent.id, from: "test"))
            #expect(!report.alreadyErased)
            #expect(report.mentions == 3 && report.authors == 2 && report.profiles >= 2)

            #expect(try await StoreScan.columnsContaining(Self.marker, in: db) == [])
            #expect(try await Self.fullTextHits(db, Self.marker) == 0)
            #expect(try await StoreScan.rollups(db) == rollups, "rollups and journals unchanged")
            #expect(try await ConversationStore(database: db).count() == conversationsBefore)
            #expect(try await CustomerStore(database: db).profile(id: world.kim) == kimBefore)
            let tombstone = try #require(try await CustomerStore(database: db).profile(id: world.dana))
            #expect(tombstone.name == "erased customer #\(world.dana)")
            #expect(tombstone.identities.isEmpty)
            // The alert keeps the stranger and its figures.
            let alert = try #require(try await AlertStore(database: db).list().first)
            #expect(alert.evidence.topPosts.map(\.author) == ["stranger"])
            #expect(alert.evidence.topAuthors.map(\.handle) == ["stranger"])
            #expect(alert.evidence.trendingTerms == ["signal"])
            #expect(alert.evidence.observedCount == 40)

            // Again: nothing changes, and the attempt is audited.
            let again = try #require(
                try await CustomerEraser(database: db).erase(customerID: world.dana, by: world.agent.id, from: "test"))
            #expect(again.alreadyErased)
            #expect(try await StoreScan.rollups(db) == rollups)
            let erases = try await AuditLog(database: db).recent().filter { $0.action == "customer.erase" }
            #expect(erases.count == 2)
            #expect(erases.allSatisfy { $0.target == "customer:\(world.dana)" && $0.userID == world.agent.id })
            #expect(try await CustomerEraser(database: db).erase(customerID: 999_999, by: nil, from: "t") == nil)
        }
    }

    @Test(
        "erasing a merged-in profile erases the whole person; a queued reply is never sent",
        arguments: TestEngine.available)
    func eraseFromMergedProfile(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let world = try await Self.plant(db)
            let report = try #require(
                try await CustomerEraser(database: db).erase(customerID: world.danaEmailProfile, by: nil, from: "t"))
            #expect(report.customerID == world.danaEmailProfile)
            #expect(try await StoreScan.columnsContaining(Self.marker, in: db) == [])
            let statuses = try await db.read { sql in
                try await sql.raw("SELECT status FROM outbox").all().map {
                    try $0.decode(column: "status", as: String.self)
                }
            }
            #expect(!statuses.contains("queued"), "nothing left to send to an erased customer")
        }
    }
}
