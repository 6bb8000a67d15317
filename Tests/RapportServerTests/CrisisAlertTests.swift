import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportFormats
import RapportIngest
import RapportOutbound
import RapportServer
import RapportSimulation
import RapportStore
import RapportTestSupport
import Synchronization
import Testing

@Suite("Crisis alerts raised at ingest, listed by the API, pushed to a signed webhook")
struct CrisisAlertTests {
    static let rules = [
        ("acme", #"acme OR @AcmeMobile OR #acme OR "acme mobile""#), ("globex", "globex OR @Globex OR #globex"),
    ]

    /// A stand-in for the receiver of the alert webhook: answers 503 once, then 204; records what came.
    final class Receiver: Sendable {
        let deliveries = Mutex<[(timestamp: String?, signature: String?, body: String)]>([])
        let failuresLeft = Mutex(1)

        var router: Hummingbird.Router<BasicRequestContext> {
            let router = Router()
            router.post("hooks/alerts") { request, _ -> Response in
                let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
                self.deliveries.withLock {
                    $0.append(
                        (
                            request.headers[HTTPField.Name("X-Rapport-Timestamp")!],
                            request.headers[HTTPField.Name("X-Rapport-Signature")!], body
                        ))
                }
                if self.failuresLeft.withLock({ n in
                    defer { n -= 1 }; return n > 0
                }) {
                    return Response(status: .serviceUnavailable)
                }
                return Response(status: .noContent)
            }
            return router
        }
    }

    /// 2 h 40 min of simulated traffic (the detector needs 2 h of history); from 2 h 10 min, Acme Mobile gets
    /// 5× its volume for 20 minutes, mostly negative. Posts are delivered in time order, 50 at a time, as a
    /// live feed would bring them. Small on purpose: it runs through the debug-build analyser twice per engine.
    static func traffic() -> [[IncomingPost]] {
        let incident = Incident(
            brand: "Acme Mobile", topicWords: ["outage", "no signal"], start: 7_800, duration: 1_200,
            volumeMultiplier: 5, negativeShare: 0.85, influencerDelay: 300)
        let config = SimulationConfig(seed: 7, rate: 0.3, duration: 9_600, seasonality: 0, incident: incident)
        var posts: [IncomingPost] = []
        for event in Simulator(config) {
            guard let format = PayloadFormat(name: event.format),
                let parsed = try? PayloadParser.parse(format, Array(event.payload.utf8)).posts
            else { continue }
            posts += parsed
        }
        return stride(from: 0, to: posts.count, by: 50).map { Array(posts[$0..<min($0 + 50, posts.count)]) }
    }

    @Test(
        "a simulated incident raises an alert with evidence, listed by the API and sent signed",
        arguments: TestEngine.available)
    func incident(engine: TestEngine) async throws {
        let receiver = Receiver()
        let secret = "whsec-test-secret"
        try await Application(router: receiver.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            .test(.live) { receiverClient in
                let port = try #require(receiverClient.port)
                let webhook = AlertWebhook(
                    url: "http://127.0.0.1:\(port)/hooks/alerts", secret: secret,
                    policy: RetryPolicy(maxAttempts: 4, initialDelay: 0.05, maxDelay: 0.1, jitter: 0))
                try await TestApp.withServices(engine, rules: Self.rules, alertWebhook: webhook) { config, services in
                    let live = services.alerts.live.subscribe()
                    for posts in Self.traffic() { _ = try await services.pipeline.submit(posts, source: "sim") }
                    #expect(try await eventually { services.alerts.backlog == 0 })
                    #expect(services.alerts.backlog == 0)
                    let acme = try #require(try await services.rules.all().first { $0.name == "acme" })
                    let people = try await DeskTest.people(services)
                    let app = Application(router: buildRouter(config, services: services))
                    try await app.test(.router) { client in
                        try await client.execute(
                            uri: "/api/v1/alerts?limit=200", method: .get,
                            headers: DeskTest.bearer(people[.analyst]!.token)
                        ) { response in
                            #expect(response.status == .ok)
                            let items = json(response.body)["items"] as? [[String: Any]] ?? []
                            let onAcme = items.filter { ($0["rule"] as? [String: Any])?["id"] as? Int == Int(acme.id) }
                            #expect(!onAcme.isEmpty, "an alert on the acme rule; got \(items.map { $0["kind"] ?? "" })")
                            let first = try #require(
                                onAcme.min { ($0["detectedAt"] as? String ?? "") < ($1["detectedAt"] as? String ?? "") }
                            )
                            // Detected during the incident (post time), from 02:10 to 02:30.
                            let detected = try #require(first["detectedAt"] as? String)
                            #expect(detected >= "2025-11-20T02:10:00Z" && detected <= "2025-11-20T02:30:00Z")
                            let evidence = try #require(first["evidence"] as? [String: Any])
                            let observed = try #require(evidence["observedRate"] as? Double)
                            let expected = try #require(evidence["expectedRate"] as? Double)
                            #expect(observed > 2 * expected)
                            #expect(!(evidence["topPosts"] as? [Any] ?? []).isEmpty)
                            #expect(!(evidence["topAuthors"] as? [Any] ?? []).isEmpty)
                            #expect(first["status"] as? String == "open")
                        }
                    }
                    // The live stream carried it too (published after storing, so it is already buffered).
                    if try await !services.alerts.store.list().isEmpty {
                        var iterator = live.makeAsyncIterator()
                        let pushed = await iterator.next()
                        #expect(pushed?.event == "opened")
                    }
                    // Webhook deliveries: the retry brings the second.
                    try await eventually { receiver.deliveries.withLock({ $0.count }) >= 2 }
                }
            }
        let deliveries = receiver.deliveries.withLock { $0 }
        #expect(deliveries.count >= 2, "one 503, then retried")
        // The retry carries the same alert as the refused attempt.
        if deliveries.count >= 2 {
            let a = try JSONSerialization.jsonObject(with: Data(deliveries[0].body.utf8)) as? [String: Any]
            let b = try JSONSerialization.jsonObject(with: Data(deliveries[1].body.utf8)) as? [String: Any]
            #expect(a?["id"] as? Int == b?["id"] as? Int)
        }
        for delivery in deliveries {
            let timestamp = try #require(delivery.timestamp)
            let mac = HMAC<SHA256>.authenticationCode(
                for: Data((timestamp + "." + delivery.body).utf8), using: SymmetricKey(data: Data(secret.utf8)))
            #expect(delivery.signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
            let body = try JSONSerialization.jsonObject(with: Data(delivery.body.utf8)) as? [String: Any]
            #expect(body?["kind"] != nil && body?["evidence"] != nil)
        }
    }

    @Test("replaying the same history changes no alert", arguments: TestEngine.available)
    func replayIsIdempotent(engine: TestEngine) async throws {
        try await TestApp.withServices(engine, rules: Self.rules) { _, services in
            let traffic = Self.traffic()
            for posts in traffic { _ = try await services.pipeline.submit(posts, source: "sim") }
            #expect(try await eventually { services.alerts.backlog == 0 })
            let first = try await services.alerts.store.list(limit: 1_000)
            #expect(!first.isEmpty)
            // A fresh detector fed the same mentions (as after `rapport ingest` of the same files) raises the
            // same ids; the store finds them and changes nothing.
            let replay = AlertMonitor(database: services.database, webhook: nil)
            var all: [Mention] = []
            var cursor: MentionCursor?
            repeat {
                let page = try await services.mentions.search(MentionFilter(), limit: 500, after: cursor)
                all += page.items
                cursor = page.nextCursor
            } while cursor != nil
            let changed = await replay.process(Array(all.reversed()))
            #expect(changed.allSatisfy { $0.event != "opened" })
            let second = try await services.alerts.store.list(limit: 1_000)
            #expect(second.map(\.detectorID).sorted() == first.map(\.detectorID).sorted())
        }
    }
}
