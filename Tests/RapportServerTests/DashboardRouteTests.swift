import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportIngest
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Dashboard, drill-down and exports")
struct DashboardRouteTests {
    /// Posts from the last hours, in the rapport JSON format, through the ingest API.
    static func ingest(_ client: any TestClientProtocol) async throws {
        let now = Date()
        let formatter = ISO8601DateFormatter()
        var lines: [String] = []
        let texts = [
            "@AcmeMobile love the new plan, great service", "@AcmeMobile no signal again, terrible, cancelling",
            #"@AcmeMobile "quoted", with commas, and =SUM(A1) <script>alert(1)</script>"#,
            "#globex outage downtown, awful", "globex support was great today",
        ]
        for (i, text) in texts.enumerated() {
            let escaped = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
            let at = formatter.string(from: now.addingTimeInterval(-Double(i) * 1_800 - 60))
            lines.append(
                #"{"network":"x","externalId":"d\#(i)","origin":"public","author":{"externalId":"u\#(i)","handle":"user\#(i)","followers":\#(1000 * (i + 1))},"text":\#(escaped),"createdAt":"\#(at)"}"#
            )
        }
        try await client.execute(
            uri: "/api/v1/ingest/rapport", method: .post, headers: .auth,
            body: ByteBuffer(string: lines.joined(separator: "\n"))
        ) { #expect($0.status == .ok) }
    }

    @Test(
        "the dashboard draws charts from the rollups, escapes user text and links every point",
        arguments: TestEngine.available)
    func page(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await services.rules.create(
                name: "globex-<b>", brand: #"<script>alert("x")</script>"#, isCompetitor: true, query: "globex")
            try await services.ruleBook.refresh()
            try await Self.ingest(client)
            let people = try await DeskTest.people(services)
            let analyst = try await DeskTest.signIn(client, email: people[.analyst]!.user.email)
            try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: analyst.cookie]) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<svg"))
                #expect(html.contains("Share of voice"))
                #expect(html.contains("href=\"/mentions?"))
                #expect(!html.contains("<script>alert"))
                #expect(html.contains("&lt;script&gt;alert"))
                #expect(html.contains("href=\"/dashboard\""), "nav link")
            }
            // The JSON figures agree with what was stored: 5 mentions, each matching one rule.
            try await client.execute(
                uri: "/api/v1/analytics/dashboard?range=7d", method: .get,
                headers: DeskTest.bearer(people[.analyst]!.token)
            ) { response in
                #expect(response.status == .ok)
                let body = json(response.body)
                #expect(body["total"] as? Int == 5)
                let funnel = body["funnel"] as? [[String: Any]] ?? []
                #expect(funnel.first?["count"] as? Int == 5)
                #expect((body["shareOfVoice"] as? [Any])?.count == 2)
                // The recent sample: topics from the stored analyses, authors by their mentions' sentiment.
                #expect(body["sampledMentions"] as? Int == 5)
                #expect(!((body["topTopics"] as? [Any]) ?? []).isEmpty)
                let advocates = (body["advocates"] as? [[String: Any]] ?? []).compactMap { $0["handle"] as? String }
                let detractors = (body["detractors"] as? [[String: Any]] ?? []).compactMap { $0["handle"] as? String }
                #expect(advocates.contains("user0"), "\(advocates)")
                #expect(detractors.contains("user1"), "\(detractors)")
            }
            try await client.execute(uri: "/dashboard.csv?range=30d", method: .get, headers: [.cookie: analyst.cookie])
            {
                #expect($0.status == .ok)
                #expect($0.headers[.contentType] == "text/csv; charset=utf-8")
                let csv = String(buffer: $0.body)
                #expect(csv.hasPrefix("section,name,bucket,value\r\n"))
                #expect(csv.contains("funnel,all,,5\r\n"))
            }
            try await client.execute(uri: "/mentions.csv?network=x", method: .get, headers: [.cookie: analyst.cookie]) {
                #expect($0.status == .ok)
                let csv = String(buffer: $0.body)
                // Commas and quotes are quoted; a formula is defused.
                #expect(
                    csv.contains(#""'@AcmeMobile ""quoted"", with commas, and =SUM(A1) <script>alert(1)</script>""#))
                #expect(csv.split(separator: "\r\n").count == 6)
            }
            try await client.execute(
                uri: "/mentions?sentiment=negative", method: .get, headers: [.cookie: analyst.cookie]
            ) {
                #expect($0.status == .ok)
                let html = String(buffer: $0.body)
                #expect(!html.contains("<script>alert(1)"))
                #expect(html.contains("sentiment = negative"))
            }
        }
    }

    @Test(
        "hostile or wrong parameters are 4xx JSON errors; signed-out users are sent to sign in",
        arguments: TestEngine.available)
    func hostileInput(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let analyst = try await DeskTest.signIn(client, email: people[.analyst]!.user.email)
            for uri in [
                "/dashboard?range=1y", "/dashboard?from=yesterday",
                "/dashboard?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                "/dashboard?rule=-1", "/dashboard?network=myspace", "/dashboard.csv?range=%3Cscript%3E",
                "/mentions?level=panic", "/mentions.csv?since=never",
                "/dashboard?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "/dashboard?team=0",
                "/surveys?kind=ces", "/surveys?since=never", "/surveys?team=abc", "/surveys?minScore=9&maxScore=3",
                "/insight/revenue?days=1000", "/insight/revenue?days=%3Cscript%3E",
            ] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: analyst.cookie]) {
                    #expect($0.status == .badRequest, "\(uri)")
                    #expect(errorCode($0.body) == "invalid_parameter", "\(uri)")
                }
            }
            for uri in ["/dashboard", "/surveys", "/insight/revenue"] {
                try await client.execute(uri: uri, method: .get) {
                    #expect($0.status == .seeOther || $0.status == .found, "\(uri)")
                    #expect($0.headers[.location]?.hasPrefix("/login") == true, "\(uri)")
                }
            }
        }
    }

    @Test(
        "alert buttons: agents acknowledge with the session's CSRF token, analysts cannot",
        arguments: TestEngine.available)
    func alertButtons(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let rule = try #require(try await services.rules.all().first)
            let id = try await AlertRouteTests.seedAlert(services, ruleID: rule.id)
            let people = try await DeskTest.people(services)
            let agent = try await DeskTest.signIn(client, email: people[.agent]!.user.email)
            let analyst = try await DeskTest.signIn(client, email: people[.analyst]!.user.email)
            try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: agent.cookie]) {
                #expect(String(buffer: $0.body).contains("/dashboard/alerts/\(id)/acknowledge"))
            }
            // Desk pages follow the relay's signals: acknowledging here must reach them as on the desk.
            var signals = services.alertRelay.signals.subscribe().makeAsyncIterator()
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            var headers = form
            headers[.cookie] = analyst.cookie
            try await client.execute(
                uri: "/dashboard/alerts/\(id)/acknowledge", method: .post, headers: headers,
                body: ByteBuffer(string: "_csrf=\(analyst.csrf)")
            ) { #expect($0.status == .forbidden) }
            headers[.cookie] = agent.cookie
            try await client.execute(
                uri: "/dashboard/alerts/\(id)/acknowledge", method: .post, headers: headers,
                body: ByteBuffer(string: "_csrf=wrong")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/dashboard/alerts/\(id)/acknowledge", method: .post, headers: headers,
                body: ByteBuffer(string: "_csrf=\(agent.csrf)")
            ) { #expect($0.status == .found) }
            #expect(try await services.alerts.store.alert(id: id)?.status == .acknowledged)
            #expect(await signals.next() == AlertSignal(alertId: id, event: "acknowledged"))
            try await client.execute(uri: "/dashboard/alerts", method: .get, headers: [.cookie: agent.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("acknowledged"))
                #expect(!html.contains("/dashboard/alerts/\(id)/acknowledge"))
            }
        }
    }
}
