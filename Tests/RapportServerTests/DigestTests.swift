import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RapportCore
import RapportIngest
import RapportInsight
import RapportOutbound
import RapportServer
import RapportStore
import RapportTestSupport
import Synchronization
import Testing

/// The daily and weekly digest: figures, the scheduled sender's once-per-period guarantee, the API and the CLI.
@Suite("Digest: summary, scheduled sending once per period, API and command line", .timeLimit(.minutes(10)))
struct DigestTests {
    /// 2026-11-21 08:00 UTC: the last complete day is 2026-11-20.
    static let morning = Date(timeIntervalSince1970: 1_795_248_000)
    static let day = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-20T00:00:00Z

    /// A settable clock.
    final class Clock: Sendable {
        let value: Mutex<Date>
        init(_ date: Date) { value = Mutex(date) }
        func set(_ date: Date) { value.withLock { $0 = date } }
        var now: Date { value.withLock { $0 } }
    }

    /// The digests handed to email, and what the next one answers.
    final class Outbox: Sendable {
        let sent = Mutex<[(subject: String, text: String, key: String)]>([])
        let failure = Mutex<String?>(nil)
        var mail: AlertRelay.Mail {
            { subject, text, key in
                if let failure = self.failure.withLock({ $0 }) { return failure }
                self.sent.withLock { $0.append((subject, text, key)) }
                return nil
            }
        }
        var count: Int { sent.withLock { $0.count } }
    }

    static func xPost(_ id: String, _ text: String, at: String) -> String {
        #"{"data":{"id":"\#(id)","text":"@AcmeMobile \#(text)","author_id":"u\#(id)","created_at":"\#(at)"},"includes":{"users":[{"id":"u\#(id)","name":"Fan \#(id)","username":"fan\#(id)"}]}}"#
    }

    /// Three mentions on the 20th (two negative), one on the 19th; an alert detected on the 20th, one before.
    static func seed(_ client: any TestClientProtocol, _ services: RapportServices) async throws -> Int64 {
        let lines = [
            xPost("1", "no signal again, awful service", at: "2026-11-20T09:00:00Z"),
            xPost("2", "terrible outage, I want a refund", at: "2026-11-20T10:00:00Z"),
            xPost("3", "love the new plan, thank you", at: "2026-11-20T11:00:00Z"),
            xPost("4", "is the plan out yet", at: "2026-11-19T11:00:00Z"),
        ].joined(separator: "\n")
        try await client.execute(
            uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: lines)
        ) { #expect($0.status == .ok) }
        let rule = try #require(try await services.rules.all().first)
        let evidence = AlertEvidence(
            windowSeconds: 300, observedCount: 40, expectedCount: 2, observedRate: 480, expectedRate: 24,
            negativeCount: 30, negativeShare: 0.75, baselineNegativeShare: 0.3, pValue: 1e-9, threshold: 5.5e-5,
            seasonalBaseline: true, peakRatio: 20)
        var inDay: Int64 = 0
        for (offset, keep) in [(day.addingTimeInterval(12 * 3_600), true), (day.addingTimeInterval(-3_600), false)] {
            let alert = Alert(
                id: "volume_spike:rule:\(rule.id):\(Int(offset.timeIntervalSince1970))", kind: .volumeSpike,
                key: "rule:\(rule.id)", startedAt: offset, detectedAt: offset.addingTimeInterval(300),
                updatedAt: offset.addingTimeInterval(300), evidence: evidence)
            let applied = try await services.alerts.store.apply(
                AlertEvent(change: .opened, alert: alert), ruleID: rule.id, topic: nil,
                evidence: AlertEvidenceRecord(evidence))
            if keep { inDay = try #require(applied?.alert.id) }
        }
        return inDay
    }

    @Test(
        "yesterday's digest: volume against the day before, sentiment, funnel, topics, alerts, service",
        arguments: TestEngine.available)
    func summary(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let alertID = try await Self.seed(client, services)
            let digest = try await DigestBuilder(database: services.database).build(.daily, now: Self.morning)
            #expect(digest.start == Self.day)
            #expect(digest.end == Self.day.addingTimeInterval(86_400))
            #expect(digest.volume == 3)
            #expect(digest.previousVolume == 1)
            #expect(digest.sentiment.first { $0.name == "negative" }?.count == 2)
            #expect(digest.funnel.first?.name == "all" && digest.funnel.first?.count == 3)
            #expect(digest.alerts.map(\.id) == [alertID], "only the alert detected on the day")
            #expect(digest.service.surveys.csatAnswers == 0 && digest.service.surveys.nps == nil)
            let text = DigestText.render(digest)
            #expect(text.hasPrefix("[Rapport] Daily digest 2026-11-20\n"))
            #expect(text.contains("Volume: 3 mentions (+200% vs the period before: 1)"))
            #expect(text.contains("Sentiment: negative 2"))
            #expect(text.contains("Funnel: all 3 → relevant"))
            #expect(text.contains("Alerts: 1\n  #\(alertID) Volume spike on rule “acme” (acme)"))
            #expect(text.contains("CSAT: no answers; NPS: no answers"))
            let weekly = try await DigestBuilder(database: services.database).build(.weekly, now: Self.morning)
            #expect(ISO8601DateFormatter().string(from: weekly.start) == "2026-11-09T00:00:00Z")
            #expect(ISO8601DateFormatter().string(from: weekly.end) == "2026-11-16T00:00:00Z")
            #expect(weekly.volume == 0)
            // The API: the same digest for the last complete period; a wrong period is a 400 naming it.
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/digest?period=monthly", method: .get, headers: DeskTest.bearer(people[.analyst]!.token)
            ) {
                #expect($0.status == .badRequest)
                #expect(errorCode($0.body) == "invalid_period")
            }
            try await client.execute(
                uri: "/api/v1/digest?period=daily", method: .get, headers: DeskTest.bearer(people[.analyst]!.token)
            ) {
                #expect($0.status == .ok)
                #expect((json($0.body)["digest"] as? [String: Any])?["period"] as? String == "daily")
                #expect((json($0.body)["text"] as? String)?.hasPrefix("[Rapport] Daily digest") == true)
            }
        }
    }

    @Test(
        "the scheduled digest goes out once per period, at its hour, on one instance; a failure is retried",
        arguments: TestEngine.available)
    func schedule(engine: TestEngine) async throws {
        let receiver = CrisisAlertTests.Receiver()
        let secret = "digest-secret"
        try await Application(router: receiver.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            .test(.live) { receiverClient in
                let webhook = AlertWebhook(
                    url: "http://127.0.0.1:\(try #require(receiverClient.port))/hooks/alerts", secret: secret,
                    policy: RetryPolicy(maxAttempts: 3, initialDelay: 0.01, maxDelay: 0.05, jitter: 0))
                try await TestApp.test(engine) { client, services in
                    _ = try await Self.seed(client, services)
                    let clock = Clock(Self.day.addingTimeInterval(86_400 + 6.5 * 3_600))  // 06:30 on the 21st
                    let outbox = Outbox()
                    func scheduler(_ instance: String, webhook: AlertWebhook?) -> DigestScheduler {
                        DigestScheduler(
                            period: .daily, hour: 7, database: services.database,
                            sender: DigestSender(mail: outbox.mail, webhook: webhook), instance: instance,
                            now: { clock.now })
                    }
                    let a = scheduler("a", webhook: webhook)
                    let b = scheduler("b", webhook: webhook)
                    #expect(await a.tick() == .notDue)
                    clock.set(Self.morning)
                    #expect(await a.tick() == .sent(Self.day))
                    #expect(await a.tick() == .alreadySent)
                    #expect(await b.tick() == .alreadySent, "another instance, or a restart, does not send it again")
                    #expect(outbox.count == 1)
                    #expect(outbox.sent.withLock { $0.first?.key } == "digest-daily-1795132800")
                    #expect(outbox.sent.withLock { $0.first?.text.contains("Volume: 3 mentions") } == true)
                    #expect(try await DigestRunStore(database: services.database).lastSent(period: "daily") == Self.day)

                    // The next day's digest: the relay refuses it first; the claim is given back and retried.
                    clock.set(Self.morning.addingTimeInterval(86_400))
                    outbox.failure.withLock { $0 = "email: 550 no such user" }
                    #expect(await b.tick() == .failed("email: 550 no such user"))
                    #expect(try await DigestRunStore(database: services.database).lastSent(period: "daily") == Self.day)
                    outbox.failure.withLock { $0 = nil }
                    #expect(await b.tick() == .sent(Self.day.addingTimeInterval(86_400)))
                    #expect(outbox.count == 2)
                }
            }
        // The webhook: the first digest refused once (503) then accepted; the second posted on the attempt whose
        // email failed and again on the retry (a digest carries its period, so receivers can drop the repeat).
        let deliveries = receiver.deliveries.withLock { $0 }
        #expect(deliveries.count == 4)
        for delivery in deliveries {
            let timestamp = try #require(delivery.timestamp)
            let mac = HMAC<SHA256>.authenticationCode(
                for: Data((timestamp + "." + delivery.body).utf8), using: SymmetricKey(data: Data(secret.utf8)))
            #expect(delivery.signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
            let body = try JSONSerialization.jsonObject(with: Data(delivery.body.utf8)) as? [String: Any]
            #expect(body?["event"] as? String == "digest")
            #expect((body?["digest"] as? [String: Any])?["period"] as? String == "daily")
        }
    }

    @Test(
        "settings: a wrong period or hour, or nowhere to send, stops serve with the setting named",
        arguments: [TestEngine.sqlite])
    func settings(engine: TestEngine) async throws {
        #expect(DigestPeriod(rawValue: "monthly") == nil)
        let none = try AppConfiguration(environment: [:])
        #expect(!none.digest.sender(alerts: none.alerts, smtp: none.outbound.smtp).isConfigured)
        let both = try AppConfiguration(environment: [
            "RAPPORT_SMTP_HOST": "relay.local", "RAPPORT_SMTP_FROM": "rapport@acme.test",
            "RAPPORT_ALERT_EMAIL_TO": "ops@acme.test", "RAPPORT_ALERT_WEBHOOK_URL": "https://hooks.acme.test/x",
        ])
        let sender = both.digest.sender(alerts: both.alerts, smtp: both.outbound.smtp)
        #expect(sender.mail != nil && sender.webhook?.url == "https://hooks.acme.test/x")
        try await TestApp.withServices(engine) { _, services in
            let logger = Logger(label: "test")
            let smtp = [
                "RAPPORT_SMTP_HOST": "relay.local", "RAPPORT_SMTP_FROM": "r@acme.test",
                "RAPPORT_ALERT_EMAIL_TO": "o@acme.test",
            ]
            for (env, named) in [
                (["RAPPORT_DIGEST": "monthly"], "RAPPORT_DIGEST"),
                (smtp.merging(["RAPPORT_DIGEST": "daily", "RAPPORT_DIGEST_HOUR": "25"]) { $1 }, "RAPPORT_DIGEST_HOUR"),
                (["RAPPORT_DIGEST": "weekly"], "nowhere to send"),
            ] {
                #expect { try AppConfiguration(environment: env) } throws: { "\($0)".contains(named) }
            }
            let off = try AppConfiguration(environment: [:])
            #expect(DigestScheduler.scheduled(off, database: services.database, logger: logger) == nil)
            let weekly = try #require(
                DigestScheduler.scheduled(
                    try AppConfiguration(
                        environment: smtp.merging(["RAPPORT_DIGEST": "weekly", "RAPPORT_DIGEST_HOUR": "9"]) { $1 }),
                    database: services.database, logger: logger))
            #expect(weekly.period == .weekly && weekly.hour == 9)
        }
    }

    @Test(
        "periods missed while no instance ran go out afterwards, oldest first, at most `backfill`; an abandoned claim is taken over",
        arguments: TestEngine.available)
    func backfill(engine: TestEngine) async throws {
        try await TestApp.test(engine) { _, services in
            let clock = Clock(Self.morning)
            let outbox = Outbox()
            var a = DigestScheduler(
                period: .daily, hour: 7, database: services.database,
                sender: DigestSender(mail: outbox.mail, webhook: nil), instance: "a", now: { clock.now })
            a.backfill = 3
            // The first digest ever is the last complete day only: no history is sent.
            #expect(await a.tick() == .sent(Self.day))
            #expect(await a.tick() == .alreadySent)
            // Five days without a running instance; at 06:00 on the 26th the 25th is not due yet.
            clock.set(Self.day.addingTimeInterval(6 * 86_400 + 6 * 3_600))
            let days = (0...5).map { Self.day.addingTimeInterval(Double($0) * 86_400) }
            #expect(await a.tick() == .sent(days[2]), "the newest three missed days: the 22nd, 23rd and 24th")
            #expect(await a.tick() == .sent(days[3]))
            #expect(await a.tick() == .sent(days[4]))
            #expect(await a.tick() == .notDue)
            clock.set(Self.day.addingTimeInterval(6 * 86_400 + 8 * 3_600))
            // An instance claimed the 25th and stopped before sending it: others wait, then take it over.
            let runs = DigestRunStore(database: services.database)
            let claimed = try await runs.claim(period: "daily", start: days[5], instance: "gone", at: clock.now)
            #expect(claimed)
            clock.set(clock.now.addingTimeInterval(10 * 60))
            #expect(await a.tick() == .alreadySent)
            clock.set(clock.now.addingTimeInterval(25 * 60))
            #expect(await a.tick() == .sent(days[5]))
            #expect(await a.tick() == .alreadySent)
            let keys = [days[0], days[2], days[3], days[4], days[5]].map {
                "digest-daily-\(Int($0.timeIntervalSince1970))"
            }
            #expect(outbox.sent.withLock { $0.map(\.key) } == keys)
            #expect(try await runs.lastSent(period: "daily") == days[5])
        }
    }

    @Test("rapport digest prints the summary; --send without settings fails naming them; a bad period is refused")
    func commandLine() throws {
        guard FileManager.default.isExecutableFile(atPath: rapportExecutable) else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-digest-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.db").path
        #expect(
            try runRapport([
                "rules", "add", "--database", db, "--name", "acme", "--brand", "acme", "--query", "acme OR @AcmeMobile",
            ]).status == 0)
        let file = dir.appendingPathComponent("posts.ndjson")
        try
            ([
                Self.xPost("1", "no signal again, awful", at: "2026-11-20T09:00:00Z"),
                Self.xPost("2", "love it", at: "2026-11-20T10:00:00Z"),
            ].joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try runRapport(["ingest", "--database", db, "--format", "x", "--no-alerts", file.path]).status == 0)
        let run = try runRapport(["digest", "--database", db, "--period", "daily", "--at", "2026-11-21T08:00:00Z"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.hasPrefix("[Rapport] Daily digest 2026-11-20"))
        #expect(run.out.contains("Volume: 2 mentions"))
        let json = try runRapport([
            "digest", "--database", db, "--period", "weekly", "--json", "--at", "2026-11-23T08:00:00Z",
        ])
        #expect(json.status == 0)
        let body = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect((body?["digest"] as? [String: Any])?["volume"] as? Int == 2)
        let bad = try runRapport(["digest", "--database", db, "--period", "monthly"])
        #expect(bad.status != 0)
        #expect(bad.err.contains("monthly"))
        let send = try runRapport(["digest", "--database", db, "--period", "daily", "--send"])
        #expect(send.status != 0)
        #expect(send.err.contains("RAPPORT_SMTP_HOST"))
    }
}
