import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportDesk
import RapportIngest
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Demo history")
struct DemoHistoryTests {
    /// The demo's listening rules, and a desk like the demo's: a team with an SLA policy behind a routing rule.
    static func demoWorld(_ services: RapportServices, agents: [User]) async throws {
        for rule in DemoScenario.rules {
            _ = try await services.rules.create(
                name: rule.name, brand: rule.brand, isCompetitor: rule.competitor, query: rule.query)
        }
        try await services.ruleBook.refresh()
        let team = try await services.desk.teams.create(
            name: "Social care", strategy: .roundRobin, supervisorID: nil, members: agents.map(\.id))
        let sla = try await services.desk.settings.addSLAPolicy(
            SLAPolicy(
                id: 0, name: "Standard", targets: [SLATarget(firstResponse: 3_600, resolution: 86_400)],
                usesBusinessHours: false))
        _ = try await services.desk.settings.addRoutingRule(
            RoutingRule(
                id: 0, name: "Everything to social care", conditions: [],
                actions: [.assignTeam(team.id), .applySLA(sla.id)]))
    }

    /// Sums a dashboard's volume lines per bucket.
    static func volumePerBucket(_ body: [String: Any]) -> [Int] {
        let lines = (body["volumeByNetwork"] as? [[String: Any]] ?? []).map { $0["values"] as? [Int] ?? [] }
        let buckets = (body["bucketStarts"] as? [Any])?.count ?? 0
        return (0..<buckets).map { i in lines.reduce(0) { $0 + (i < $1.count ? $1[i] : 0) } }
    }

    @Test(
        "the demo history gives every day of the dashboard's 24 h, 7 d and 30 d views data, and a second run adds nothing",
        arguments: TestEngine.available)
    func history(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await Self.demoWorld(services, agents: [people[.agent]!.user, people[.supervisor]!.user])
            let anchor = Date().addingTimeInterval(-DemoScenario.liveLead)
            let start = anchor.addingTimeInterval(-DemoHistory.days * 86_400)
            // A small scale: a tenth of the demo's rate.
            let history = DemoHistory(
                database: services.database, mentions: services.mentions, ruleBook: services.ruleBook, rate: 0.01)
            let written = try await history.writeMentions(from: start, to: anchor, anchor: anchor)
            let desk = try await DemoDeskHistory(database: services.database).write(from: start, to: anchor)
            try await services.database.foldRollupJournals()
            #expect(written.stored > 3_000, "\(written)")
            #expect(written.read > written.stored)
            #expect(desk.conversations > 100, "\(desk)")
            #expect(desk.replies > desk.conversations / 2, "\(desk)")
            #expect(desk.resolved > 0 && desk.surveys > 0, "\(desk)")
            // History conversations are not left to the live desk worker (it would escalate weeks-old SLAs).
            #expect(try await ConversationIntake(database: services.database).backlog() == 0)

            let auth = DeskTest.bearer(people[.analyst]!.token)
            var totals: [String: Int] = [:]
            for range in ["24h", "7d", "30d"] {
                let body = json(
                    try await client.execute(
                        uri: "/api/v1/analytics/dashboard?range=\(range)", method: .get, headers: auth
                    ) { response in
                        #expect(response.status == .ok)
                        return response.body
                    })
                let perBucket = Self.volumePerBucket(body)
                totals[range] = body["total"] as? Int ?? 0
                if range == "24h" {
                    // Hourly buckets; at this small rate a night hour may be empty, the day is not.
                    #expect(perBucket.count >= 24)
                    #expect(perBucket.filter { $0 > 0 }.count >= 18, "\(perBucket)")
                } else {
                    // Daily buckets: every day has mentions.
                    #expect(perBucket.count >= (range == "7d" ? 7 : 30), "\(perBucket)")
                    #expect(perBucket.allSatisfy { $0 > 0 }, "\(range): \(perBucket)")
                }
                let service = body["service"] as? [String: Any] ?? [:]
                #expect((service["conversations"] as? Int ?? 0) > 0, "\(range): \(service)")
                #expect((service["responded"] as? Int ?? 0) > 0, "\(range): \(service)")
            }
            #expect(totals["24h"]! < totals["7d"]! && totals["7d"]! < totals["30d"]!, "\(totals)")
            // A fixed window for the before/after comparison: `range=30d` ends now, and slides past an hour of the
            // history while a slow run goes on.
            let iso = ISO8601DateFormatter()
            let window =
                "from=\(iso.string(from: start.addingTimeInterval(-3_600)))&to=\(iso.string(from: anchor.addingTimeInterval(3_600)))"
            func windowTotal() async throws -> Int? {
                json(
                    try await client.execute(
                        uri: "/api/v1/analytics/dashboard?\(window)", method: .get, headers: auth
                    ) { $0.body })["total"] as? Int
            }
            let before = try await windowTotal()
            #expect((before ?? 0) > 3_000, "\(String(describing: before))")

            // The same history again (a second start, or a resumed one): the store recognises every post.
            let again = try await history.writeMentions(from: start, to: anchor, anchor: anchor)
            #expect(again.stored == 0)
            #expect(again.duplicates == written.stored)
            let deskAgain = try await DemoDeskHistory(database: services.database).write(from: start, to: anchor)
            #expect(deskAgain == PastDeskWriter.Counts())
            try await services.database.foldRollupJournals()
            #expect(try await windowTotal() == before)
        }
    }

    @Test("the history marker is kept in the stream cursors and read back", arguments: TestEngine.available)
    func marker(engine: TestEngine) async throws {
        try await TestApp.withServices(engine) { _, services in
            #expect(try await DemoHistoryMarker.load(services.database) == nil)
            var marker = DemoHistoryMarker(anchorMS: 1_765_000_000_000, rate: 0.5)
            marker.recentWritten = true
            try await marker.save(services.database)
            #expect(try await DemoHistoryMarker.load(services.database) == marker)
            marker.olderWritten = true
            marker.deskWritten = true
            try await marker.save(services.database)
            #expect(try await DemoHistoryMarker.load(services.database)?.isComplete == true)
        }
    }
}
