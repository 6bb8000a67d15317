import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportDesk
import RapportIngest
import RapportInsight
import RapportServer
import RapportStore
import RapportTestSupport
import Synchronization
import Testing

/// The desk's alert queue (`/inbox/alerts`): roles, forms, escaping, timeline, live signals, the
/// rapid-response team's bells and the alert email.
@Suite("Alerts in the desk: queue, forms, live signals, team bells and email", .timeLimit(.minutes(10)))
struct AlertDeskTests {
    /// The alert emails the relay handed over.
    final class Mails: Sendable {
        let list = Mutex<[(subject: String, text: String, key: String)]>([])
        func append(_ mail: (subject: String, text: String, key: String)) { list.withLock { $0.append(mail) } }
        var all: [(subject: String, text: String, key: String)] { list.withLock { $0 } }
    }

    static let hostile = #"<script>alert(1)</script> "><img src=x onerror=alert(2)>"#

    /// Stores an opened alert whose evidence carries hostile public text; returns its payload (event `opened`).
    static func seed(_ services: RapportServices, ruleID: Int64, minute: Int = 0, topic: String? = nil) async throws
        -> AlertPayload
    {
        let evidence = AlertEvidence(
            windowSeconds: 300, observedCount: 120, expectedCount: 20, observedRate: 1_440, expectedRate: 240,
            negativeCount: 90, negativeShare: 0.75, baselineNegativeShare: 0.3, pValue: 1e-9, threshold: 5.5e-5,
            seasonalBaseline: false, peakRatio: 6)
        let start = Date(timeIntervalSince1970: 1_763_600_000 + Double(minute) * 60)
        let key = topic.map { "topic:\($0)" } ?? "rule:\(ruleID)"
        let alert = Alert(
            id: "volume_spike:\(key):\(Int(start.timeIntervalSince1970))", kind: .volumeSpike,
            key: key, startedAt: start, detectedAt: start.addingTimeInterval(300),
            updatedAt: start.addingTimeInterval(300), evidence: evidence)
        let record = AlertEvidenceRecord(
            evidence,
            topPosts: [
                .init(
                    mentionID: 1, network: "x", externalID: "1", url: "javascript:alert(3)", author: "dana<b>",
                    followers: 2_400_000, text: "no signal " + hostile, engagement: 40)
            ],
            topAuthors: [.init(network: "x", handle: "dana<b>", followers: 2_400_000, posts: 3)],
            trendingTerms: ["outage", "<i>signal</i>"])
        let applied = try #require(
            try await services.alerts.store.apply(
                AlertEvent(change: .opened, alert: alert), ruleID: topic == nil ? ruleID : nil, topic: topic,
                evidence: record))
        let rules = Dictionary(try await services.rules.all().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return AlertPayload(applied.alert, rules: rules, event: "opened")
    }

    static func form(_ session: (cookie: String, csrf: String)) -> HTTPFields {
        [.contentType: "application/x-www-form-urlencoded", .cookie: session.cookie]
    }

    @Test(
        "analysts read the queue; agents acknowledge, assign and resolve with the session's token",
        arguments: TestEngine.available)
    func queue(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let rule = try #require(try await services.rules.all().first)
            let alert = try await Self.seed(services, ruleID: rule.id)
            var signals = services.alertRelay.signals.subscribe().makeAsyncIterator()

            let analyst = try await DeskTest.signIn(client, email: "analyst@acme.test")
            try await client.execute(uri: "/inbox/alerts", method: .get, headers: [.cookie: analyst.cookie]) {
                #expect($0.status == .ok)
                let html = String(buffer: $0.body)
                #expect(html.contains("data-alert=\"\(alert.id)\""))
                #expect(html.contains("Volume spike"))
                #expect(html.contains("1440 posts/h vs 240/h expected (6.0×)"))
                #expect(html.contains("75% negative vs 30% usual"))
                // Public text is text: no injected element, no javascript: link.
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("<img src=x"))
                #expect(!html.contains("<i>signal</i>"))
                #expect(!html.contains("javascript:"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(html.contains("@dana&lt;b&gt;"))
                // Analysts see no forms.
                #expect(!html.contains("/inbox/alerts/\(alert.id)/acknowledge"))
            }
            // The inbox links to the queue.
            try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: analyst.cookie]) {
                #expect(String(buffer: $0.body).contains("href=\"/inbox/alerts\""))
            }
            try await client.execute(
                uri: "/inbox/alerts/\(alert.id)/acknowledge", method: .post, headers: Self.form(analyst),
                body: ByteBuffer(string: "_csrf=\(analyst.csrf)")
            ) { #expect($0.status == .forbidden) }

            let agent = try await DeskTest.signIn(client, email: "agent@acme.test")
            try await client.execute(uri: "/inbox/alerts", method: .get, headers: [.cookie: agent.cookie]) {
                #expect(String(buffer: $0.body).contains("/inbox/alerts/\(alert.id)/acknowledge"))
            }
            // A forged token changes nothing.
            try await client.execute(
                uri: "/inbox/alerts/\(alert.id)/acknowledge", method: .post, headers: Self.form(agent),
                body: ByteBuffer(string: "_csrf=forged")
            ) { #expect($0.status == .forbidden) }
            #expect(try await services.alerts.store.alert(id: alert.id)?.status == .open)

            try await client.execute(
                uri: "/inbox/alerts/\(alert.id)/acknowledge", method: .post, headers: Self.form(agent),
                body: ByteBuffer(string: "_csrf=\(agent.csrf)")
            ) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/inbox/alerts#alert-\(alert.id)")
            }
            #expect(try await services.alerts.store.alert(id: alert.id)?.status == .acknowledged)
            let acknowledged = await signals.next()
            #expect(acknowledged == AlertSignal(alertId: alert.id, event: "acknowledged"))
            try await client.execute(
                uri: "/inbox/alerts/\(alert.id)/acknowledge", method: .post, headers: Self.form(agent),
                body: ByteBuffer(string: "_csrf=\(agent.csrf)")
            ) {
                #expect($0.status == .conflict)
                #expect(errorCode($0.body) == "conflict")
            }
            // Bad input: a clear 4xx naming the problem, nothing changed.
            for (uri, body, status, code) in [
                ("/inbox/alerts/\(alert.id)/assign", "user=abc", HTTPResponse.Status.badRequest, "invalid_user"),
                ("/inbox/alerts/\(alert.id)/assign", "user=99999", .notFound, "not_found"),
                ("/inbox/alerts/abc/assign", "user=", .badRequest, "invalid_id"),
                ("/inbox/alerts/424242/resolve", "", .notFound, "not_found"),
            ] {
                let response = try await client.execute(
                    uri: uri, method: .post, headers: Self.form(agent),
                    body: ByteBuffer(string: body + "&_csrf=\(agent.csrf)"))
                #expect(response.status == status, "\(uri) \(body)")
                #expect(errorCode(response.body) == code, "\(uri) \(body): \(String(buffer: response.body))")
            }
            #expect(try await services.alerts.store.alert(id: alert.id)?.assigneeID == nil)
            let supervisor = people[.supervisor]!.user
            try await client.execute(
                uri: "/inbox/alerts/\(alert.id)/assign", method: .post, headers: Self.form(agent),
                body: ByteBuffer(string: "user=\(supervisor.id)&_csrf=\(agent.csrf)")
            ) { #expect($0.status == .seeOther) }
            #expect(try await services.alerts.store.alert(id: alert.id)?.assigneeID == supervisor.id)
            try await client.execute(
                uri: "/inbox/alerts/\(alert.id)/resolve", method: .post, headers: Self.form(agent),
                body: ByteBuffer(string: "_csrf=\(agent.csrf)")
            ) { #expect($0.status == .seeOther) }
            // Resolved alerts leave the active list and show under ?status=resolved, with their timeline.
            try await client.execute(uri: "/inbox/alerts", method: .get, headers: [.cookie: agent.cookie]) {
                #expect(!String(buffer: $0.body).contains("data-alert=\"\(alert.id)\""))
            }
            try await client.execute(
                uri: "/inbox/alerts?status=resolved", method: .get, headers: [.cookie: agent.cookie]
            ) {
                let html = String(buffer: $0.body)
                #expect(html.contains("data-alert=\"\(alert.id)\""))
                #expect(html.contains("Rapport</span> raised the alert"))
                #expect(html.contains("Agent Person</span> acknowledged"))
                #expect(html.contains("Agent Person</span> assigned it to Supervisor Person"))
                #expect(html.contains("Agent Person</span> resolved"))
                #expect(!html.contains("/inbox/alerts/\(alert.id)/resolve"))
            }
            try await client.execute(uri: "/inbox/alerts?status=bogus", method: .get, headers: [.cookie: agent.cookie])
            {
                #expect($0.status == .badRequest)
                #expect(errorCode($0.body) == "invalid_parameter")
            }
            // Signed out: sent to sign in, for the page and its live stream.
            for uri in ["/inbox/alerts", "/inbox/alerts/events"] {
                try await client.execute(uri: uri, method: .get) {
                    #expect($0.headers[.location]?.hasPrefix("/login") == true, "\(uri)")
                }
            }
        }
    }

    @Test(
        "every alert page and form checks the role: analysts read, agents and up act", arguments: TestEngine.available)
    func roles(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let rule = try #require(try await services.rules.all().first)
            for role in Role.allCases {
                let session = try await DeskTest.signIn(client, email: "\(role.rawValue)@acme.test")
                // A fresh alert per role, so each allowed caller finds it open.
                let id = try await Self.seed(services, ruleID: rule.id, minute: Role.allCases.firstIndex(of: role)!).id
                let cases: [(HTTPRequest.Method, String, String?, Role)] = [
                    (.get, "/inbox/alerts", nil, .analyst),
                    (.post, "/inbox/alerts/\(id)/assign", "user=\(people[role]!.user.id)", .agent),
                    (.post, "/inbox/alerts/\(id)/acknowledge", "", .agent),
                    (.post, "/inbox/alerts/\(id)/resolve", "", .agent),
                ]
                for (method, uri, body, minimum) in cases {
                    let response = try await client.execute(
                        uri: uri, method: method, headers: Self.form(session),
                        body: body.map { ByteBuffer(string: $0 + "&_csrf=\(session.csrf)") })
                    if role.allows(minimum) {
                        #expect(
                            response.status == .ok || response.status == .seeOther, "\(role) \(uri): \(response.status)"
                        )
                    } else {
                        #expect(response.status == .forbidden, "\(role) \(uri): \(response.status)")
                        #expect(errorCode(response.body) == "forbidden")
                    }
                }
                #expect(
                    try await services.alerts.store.alert(id: id)?.status == (role.allows(.agent) ? .resolved : .open))
            }
        }
    }

    @Test(
        "a raised alert rings the rapid-response team's bells and is emailed once; a topic alert only when it starts an incident",
        arguments: TestEngine.available)
    func teamAndEmail(engine: TestEngine) async throws {
        let mails = Mails()
        try await TestApp.withServices(
            engine,
            alertMail: { subject, text, key in
                mails.append((subject, text, key))
                return nil
            }, alertTeam: ["AGENT@acme.test", "supervisor@acme.test", "nobody@acme.test"]
        ) { _, services in
            let people = try await DeskTest.people(services)
            let rule = try #require(try await services.rules.all().first)
            var signals = services.alertRelay.signals.subscribe().makeAsyncIterator()
            var deskChanges = services.desk.worker.changes.subscribe().makeAsyncIterator()
            let alert = try await Self.seed(services, ruleID: rule.id)
            // As the monitor publishes what it raised.
            services.alerts.live.publish([alert])
            let raised = try #require(await signals.next())
            let team = [people[.agent]!.user.id, people[.supervisor]!.user.id]
            #expect(raised.alertId == alert.id && raised.event == "opened")
            #expect(Set(raised.notified) == Set(team))
            // The bells ring live through the desk's own stream (every page follows /inbox/events).
            let bell = try #require(await deskChanges.next())
            #expect(bell.conversationID == 0 && Set(bell.notified) == Set(team))
            for id in team { #expect(try await services.desk.notifications.unreadCount(userID: id) == 1) }
            #expect(try await services.desk.notifications.unreadCount(userID: people[.admin]!.user.id) == 0)
            let notice = try #require(try await services.desk.notifications.list(userID: team[0]).first)
            #expect(notice.kind == .alert && notice.conversationID == nil)
            #expect(notice.text.contains("Volume spike on rule “acme”"))
            // A topic alert in the hour after another alert reaches the desk but pages nobody (an incident raises
            // many; its first alert is enough).
            var topicAlert = alert
            topicAlert.id += 1_000
            topicAlert.rule = nil
            topicAlert.topic = "outage"
            services.alerts.live.publish([topicAlert])
            #expect(await signals.next() == AlertSignal(alertId: topicAlert.id, event: "opened"))
            // Three hours later two topic alerts start a new incident at once: the first pages, the second does not.
            let battery = try await Self.seed(services, ruleID: rule.id, minute: 180, topic: "battery")
            let refund = try await Self.seed(services, ruleID: rule.id, minute: 180, topic: "refund")
            services.alerts.live.publish([battery, refund])
            let first = try #require(await signals.next())
            #expect(first.alertId == battery.id && Set(first.notified) == Set(team))
            #expect(try #require(await deskChanges.next()).conversationID == 0)
            #expect(await signals.next() == AlertSignal(alertId: refund.id, event: "opened"))
            // A person's change is signalled but neither mailed nor rung.
            services.alertRelay.changed(alert, event: "acknowledged")
            #expect(await signals.next() == AlertSignal(alertId: alert.id, event: "acknowledged"))
            try await eventually { mails.all.count >= 2 }
            let sent = mails.all
            #expect(sent.map(\.key) == ["alert-\(alert.id)", "alert-\(battery.id)"])
            #expect(
                sent.first?.subject
                    == "[Rapport alert] Volume spike on rule “acme” (acme): 1440 posts/h vs 240/h expected (6.0×)")
            #expect(sent.first?.text.contains("Top posts:\n  @dana<b> on x: no signal") == true)
            #expect(sent.first?.text.contains("/inbox/alerts") == true)
            #expect(sent.last?.subject.contains("on topic battery:") == true)
            for id in team { #expect(try await services.desk.notifications.unreadCount(userID: id) == 2) }
        }
    }
}
