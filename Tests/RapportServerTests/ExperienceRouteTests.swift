import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportDesk
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Experience dashboard, orders and the revenue report")
struct ExperienceRouteTests {
    @Test(
        "the dashboard's experience section counts answers by channel, team and agent, filters by team and drills down",
        arguments: TestEngine.available)
    func experience(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let care = try await services.desk.teams.create(name: "Care <i>")
            let rapid = try await services.desk.teams.create(name: "Rapid")
            let agent = people[.agent]!.user.id
            let seed = ExperienceSeedWriter(database: services.database)
            let dana = try await seed.customer(
                name: "<script>alert(1)</script> Dana", email: "dana@example.org", at: Date())
            let answers: [(SurveyKind, Int, Int64, String)] = [
                (.csat, 5, care.id.rawValue, "email"), (.csat, 2, care.id.rawValue, "email"),
                (.csat, 4, rapid.id.rawValue, "x"), (.nps, 10, care.id.rawValue, "x"),
                (.nps, 3, rapid.id.rawValue, "x"),
            ]
            for (kind, score, team, network) in answers {
                _ = try await seed.answeredSurvey(
                    kind: kind, score: score, customerID: dana, network: network, teamID: team, agentID: agent,
                    sentAt: Date().addingTimeInterval(-7_200), answeredAt: Date().addingTimeInterval(-3_600))
            }
            let analyst = DeskTest.bearer(people[.analyst]!.token)
            try await client.execute(uri: "/api/v1/analytics/dashboard?range=24h", method: .get, headers: analyst) {
                #expect($0.status == .ok)
                let e = json($0.body)["experience"] as? [String: Any] ?? [:]
                let overall = e["overall"] as? [String: Any] ?? [:]
                #expect(overall["csatResponses"] as? Int == 3)
                #expect(abs((overall["csat"] as? Double ?? 0) - 200.0 / 3) < 1e-9, "2 of 3 rated 4–5")
                #expect(overall["npsResponses"] as? Int == 2)
                #expect(overall["nps"] as? Double == 0, "one promoter, one detractor")
                let teams = (e["byTeam"] as? [[String: Any]] ?? []).map { $0["name"] as? String ?? "" }
                #expect(Set(teams) == ["Care <i>", "Rapid"])
                let channels = e["byChannel"] as? [[String: Any]] ?? []
                #expect(channels.first?["name"] as? String == "x", "largest channel first")
                let perBucket = (e["overTime"] as? [[String: Any]] ?? []).map { $0["csatResponses"] as? Int ?? 0 }
                #expect(perBucket.reduce(0, +) == 3)
            }
            try await client.execute(
                uri: "/api/v1/analytics/dashboard?range=24h&team=\(rapid.id.rawValue)", method: .get, headers: analyst
            ) {
                let overall = (json($0.body)["experience"] as? [String: Any])?["overall"] as? [String: Any] ?? [:]
                #expect(overall["csatResponses"] as? Int == 1)
                #expect(overall["nps"] as? Double == -100)
            }
            try await client.execute(uri: "/api/v1/analytics/dashboard?team=x", method: .get, headers: analyst) {
                #expect($0.status == .badRequest)
                #expect(String(buffer: $0.body).contains("team must be a team id"))
            }
            let cookie = try await DeskTest.signIn(client, email: people[.analyst]!.user.email).cookie
            try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .ok)
                let html = String(buffer: $0.body)
                #expect(html.contains("id=\"experience\""))
                #expect(html.contains("href=\"/surveys?since="))
                #expect(html.contains("Care &lt;i&gt;"))
                #expect(!html.contains("Care <i>"))
            }
            try await client.execute(uri: "/dashboard.csv", method: .get, headers: [.cookie: cookie]) {
                let csv = String(buffer: $0.body)
                #expect(csv.contains("experience,csat_responses,,3\r\n"))
                #expect(csv.contains("experience_by_team,Rapid:nps,,-100.0\r\n"))
            }
            // The drill-down lists the answers behind a point, escaped.
            try await client.execute(
                uri: "/surveys?kind=csat&team=\(care.id.rawValue)", method: .get, headers: [.cookie: cookie]
            ) {
                #expect($0.status == .ok)
                let html = String(buffer: $0.body)
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Dana"))
                #expect(!html.contains("<script>alert(1)"))
                #expect(html.components(separatedBy: "<td>CSAT</td>").count - 1 == 2)
            }
            try await client.execute(uri: "/surveys?minScore=11", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test(
        "orders API: supervisors add, repeats are harmless, bad input is a 400 naming the field",
        arguments: TestEngine.available)
    func orders(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let seed = ExperienceSeedWriter(database: services.database)
            let dana = try await seed.customer(name: "Dana", email: "dana@example.org", at: Date())
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let body = #"{"orderId":"A-1","orderedAt":"2026-03-01T10:00:00Z","amount":49.9,"currency":"eur"}"#
            try await client.execute(
                uri: "/api/v1/customers/\(dana)/orders", method: .post, headers: supervisor,
                body: ByteBuffer(string: body)
            ) {
                #expect($0.status == .created)
                #expect(json($0.body)["inserted"] as? Int == 1)
            }
            try await client.execute(
                uri: "/api/v1/customers/\(dana)/orders", method: .post, headers: supervisor,
                body: ByteBuffer(string: body)
            ) {
                #expect($0.status == .ok)
                #expect(json($0.body)["duplicates"] as? Int == 1)
            }
            for (bad, field) in [
                (#"{"orderId":"A-2","orderedAt":"soon","amount":1,"currency":"EUR"}"#, "orderedAt"),
                (#"{"orderId":"A-2","orderedAt":"2026-03-01","amount":-1,"currency":"EUR"}"#, "amount"),
                (#"{"orderId":"A-2","orderedAt":"2026-03-01","amount":1,"currency":"euro"}"#, "currency"),
                (#"{"orderedAt":"2026-03-01","amount":1,"currency":"EUR"}"#, "orderId"),
                (#"{"orderId":"A-2","#, "invalid_json"),
            ] {
                try await client.execute(
                    uri: "/api/v1/customers/\(dana)/orders", method: .post, headers: supervisor,
                    body: ByteBuffer(string: bad)
                ) {
                    #expect($0.status == .badRequest, "\(bad)")
                    #expect(String(buffer: $0.body).contains(field), "\(bad)")
                }
            }
            try await client.execute(
                uri: "/api/v1/customers/999999/orders", method: .post, headers: supervisor,
                body: ByteBuffer(string: body)
            ) { #expect($0.status == .notFound) }
            try await client.execute(
                uri: "/api/v1/customers/\(dana)/orders", method: .get, headers: DeskTest.bearer(people[.analyst]!.token)
            ) {
                let items = json($0.body)["items"] as? [[String: Any]] ?? []
                #expect(items.count == 1)
                #expect(items.first?["currency"] as? String == "EUR")
            }
        }
    }

    @Test(
        "the revenue report compares cohorts from stored answers and orders, and refuses small samples",
        arguments: TestEngine.available)
    func revenue(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let analyst = DeskTest.bearer(people[.analyst]!.token)
            let cookie = try await DeskTest.signIn(client, email: people[.analyst]!.user.email).cookie
            // Nothing stored yet: every figure is refused, with the method and limits on the page.
            try await client.execute(uri: "/insight/revenue", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .ok)
                let html = String(buffer: $0.body)
                #expect(html.contains("Not stated: Too few"))
                #expect(html.contains("associations, not causes"))
                #expect(html.contains("self-selected"))
            }
            // 60 customers answered NPS 100 days ago; promoters then bought for 100, passives 60, detractors 20.
            let seed = ExperienceSeedWriter(database: services.database)
            let answered = Date().addingTimeInterval(-100 * 86_400)
            var orders: [NewOrder] = []
            for i in 0..<60 {
                let id = try await seed.customer(name: "C\(i)", email: "c\(i)@example.org", at: answered)
                let score = [10, 9, 8, 7, 5, 2][i % 6]
                _ = try await seed.answeredSurvey(
                    kind: .nps, score: score, customerID: id, network: "email", teamID: nil, agentID: nil,
                    sentAt: answered, answeredAt: answered)
                let amount = (score >= 9 ? 100.0 : score >= 7 ? 60 : 20) + Double(i % 5)
                orders.append(
                    NewOrder(
                        customer: .id(id), orderID: "O-\(i)", orderedAt: answered.addingTimeInterval(10 * 86_400),
                        amount: amount, currency: "EUR"))
            }
            _ = try await OrderStore(database: services.database).record(orders)
            try await client.execute(uri: "/api/v1/analytics/revenue?days=90", method: .get, headers: analyst) {
                #expect($0.status == .ok)
                let figures = json($0.body)["figures"] as? [String: Any] ?? [:]
                #expect(figures["ordersCounted"] as? Int == 60)
                let spend = ((figures["nps"] as? [String: Any])?["spend"] as? [String: Any])?["value"] as? [String: Any]
                let groups = spend?["groups"] as? [[String: Any]] ?? []
                let promoters = groups.first { $0["name"] as? String == "promoters" }
                let difference = (promoters?["versusReference"] as? [String: Any])?["difference"] as? Double ?? 0
                #expect(abs(difference - 80) < 2, "promoters spent about 80 more than detractors")
                let slope = (figures["npsSlope"] as? [String: Any])?["value"] as? [String: Any]
                #expect(slope != nil)
            }
            try await client.execute(uri: "/insight/revenue", method: .get, headers: [.cookie: cookie]) {
                let html = String(buffer: $0.body)
                #expect(
                    html.contains("href=\"/surveys?kind=nps&amp;minScore=9&amp;maxScore=10")
                        || html.contains("href=\"/surveys?kind=nps&minScore=9"))
                #expect(html.contains("<svg"))
            }
            try await client.execute(uri: "/api/v1/analytics/revenue?days=0", method: .get, headers: analyst) {
                #expect($0.status == .badRequest)
                #expect(String(buffer: $0.body).contains("days must be"))
            }
        }
    }

    static func chat(_ id: String, text: String, at: Date) -> ByteBuffer {
        let escaped = String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
        let formatter = ISO8601DateFormatter()
        return ByteBuffer(
            string:
                #"{"session_id":"s-9","message_id":"\#(id)","visitor":{"id":"v-9","name":"Dana","email":"dana@example.org"},"text":\#(escaped),"sent_at":"\#(formatter.string(from: at))"}"#
        )
    }

    @Test(
        "sentiment before vs after the first agent reply: an angry customer who ends content is turned around",
        arguments: TestEngine.available)
    func turnaround(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: Self.chat(
                    "t-1", text: "This is terrible, awful service, I am furious", at: Date().addingTimeInterval(-3_600))
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            try await client.execute(
                uri: "/api/v1/conversations/\(c.id)/replies", method: .post,
                headers: DeskTest.bearer(people[.agent]!.token),
                body: ByteBuffer(string: #"{"text":"So sorry, fixed it for you now."}"#)
            ) { #expect((200..<300).contains(Int($0.status.code))) }
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: Self.chat(
                    "t-2", text: "Thanks, great, that works perfectly now!", at: Date().addingTimeInterval(60))
            ) { #expect($0.status == .ok) }
            try await eventually {
                try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first?.messageCount ?? 0 >= 3
            }
            try await client.execute(
                uri: "/api/v1/analytics/dashboard?range=24h", method: .get,
                headers: DeskTest.bearer(people[.analyst]!.token)
            ) {
                let s = (json($0.body)["experience"] as? [String: Any])?["sentiment"] as? [String: Any] ?? [:]
                #expect(s["measured"] as? Int == 1, "\(s)")
                #expect(s["startedNegative"] as? Int == 1)
                #expect(s["turnedAround"] as? Int == 1)
                #expect(s["turnedAroundShare"] as? Double == 1)
                #expect((s["meanBefore"] as? Double ?? 0) < 0)
                #expect((s["meanAfter"] as? Double ?? 0) > 0)
                // The service figures come from the service rollups: one conversation, answered by the agent.
                let service = json($0.body)["service"] as? [String: Any] ?? [:]
                #expect(service["conversations"] as? Int == 1)
                #expect(service["responded"] as? Int == 1)
                #expect((service["firstResponseMedianSeconds"] as? Double).map { $0 > 0 && $0 < 7_200 } == true)
                let agents = (service["byAgent"] as? [[String: Any]] ?? []).map { $0["name"] as? String ?? "" }
                #expect(agents == [people[.agent]!.user.name], "\(service)")
            }
            // The team filter applies to the service figures too.
            try await client.execute(
                uri: "/api/v1/analytics/dashboard?range=24h&team=999999", method: .get,
                headers: DeskTest.bearer(people[.analyst]!.token)
            ) {
                #expect((json($0.body)["service"] as? [String: Any])?["conversations"] as? Int == 0)
            }
            let cookie = try await DeskTest.signIn(client, email: people[.analyst]!.user.email).cookie
            try await client.execute(uri: "/dashboard?range=24h", method: .get, headers: [.cookie: cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("Service by team and agent"))
                #expect(html.contains("Agent: \(people[.agent]!.user.name)"))
            }
        }
    }
}
