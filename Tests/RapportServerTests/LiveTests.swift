import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOHTTP1
import RapportCore
import RapportIngest
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Live stream and back-pressure", .timeLimit(.minutes(10)))
struct LiveTests {
    @Test("SSE pushes a mention as it commits", arguments: TestEngine.available)
    func sse(engine: TestEngine) async throws {
        try await TestApp.withServices(engine) { config, services in
            let app = Application(
                router: buildRouter(config, services: services),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let event = try await firstSSEEvent(port: port) {
                    let line =
                        #"{"data":{"id":"77","text":"@AcmeMobile outage again <script>alert(1)</script>","author_id":"1","created_at":"2026-11-20T08:15:02.000Z"},"includes":{"users":[{"id":"1","name":"A","username":"a"}]}}"#
                    try await client.execute(
                        uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
                    ) {
                        #expect($0.status == .ok)
                    }
                }
                #expect(event.contains("event: mention"))
                #expect(event.contains("\"externalId\":\"77\""))
            }
        }
    }

    @Test("a saturated pipeline answers 503 with Retry-After and stores nothing of that delivery")
    func saturation() async throws {
        let test = try await TestDatabase.make(.sqlite)
        var config = TestApp.configuration(test.location)
        config.pipeline = .init(maxBatch: 10, maxPending: 1)
        let services = try await RapportServices.open(config, logger: Logger(label: "test"))
        _ = try await services.rules.create(name: "acme", brand: "acme", isCompetitor: false, query: "acme")
        try await services.ruleBook.refresh()
        // The writer is not running: the first delivery waits, the second finds the queue full.
        let app = Application(router: buildRouter(config, services: services))
        try await app.test(.router) { client in
            let waiting = Task {
                try await client.execute(
                    uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line(1))
                ) {
                    $0.status
                }
            }
            #expect(try await eventually(every: .milliseconds(5)) { services.pipeline.pendingPosts > 0 })
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line(2))
            ) {
                #expect($0.status == .serviceUnavailable)
                #expect($0.headers[.retryAfter] != nil)
                #expect(errorCode($0.body) == "saturated")
            }
            let writer = Task { try await services.pipeline.run() }
            #expect(try await waiting.value == .ok)
            services.pipeline.close()
            try await writer.value
        }
        #expect(try await services.mentions.search(MentionFilter()).items.map(\.post.externalID) == ["1"])
        await services.database.close()
        await test.remove()
    }

    @Test("two instances on one PostgreSQL: a post ingested through one streams from the other")
    func twoInstances() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        let test = try await TestDatabase.make(.postgres)
        let config = TestApp.configuration(test.location)
        let a = try await RapportServices.open(config, logger: Logger(label: "a"))
        let b = try await RapportServices.open(config, logger: Logger(label: "b"))
        _ = try await a.rules.create(name: "acme", brand: "acme", isCompetitor: false, query: "acme")
        try await a.ruleBook.refresh()
        try await b.ruleBook.refresh()
        let tasks = [
            Task { try await a.pipeline.run() }, Task { try await b.pipeline.run() },
            Task { try await a.broadcaster.run() }, Task { try await b.broadcaster.run() },
        ]
        let appA = Application(
            router: buildRouter(config, services: a), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let appB = Application(
            router: buildRouter(config, services: b), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await appB.test(.live) { clientB in
            let portB = try #require(clientB.port)
            try await appA.test(.live) { clientA in
                // A commit notified before B listens is not for B: wait until both instances listen.
                #expect(try await eventually { try await a.database.listeners(on: "rapport_mentions") >= 2 })
                let event = try await firstSSEEvent(port: portB) {
                    let line =
                        #"{"data":{"id":"4242","text":"acme via instance A","author_id":"1","created_at":"2026-11-20T08:15:02.000Z"},"includes":{"users":[{"id":"1","name":"A","username":"a"}]}}"#
                    try await clientA.execute(
                        uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
                    ) {
                        #expect($0.status == .ok)
                    }
                }
                #expect(event.contains("\"externalId\":\"4242\""))
            }
            try await clientB.execute(uri: "/api/v1/mentions", method: .get, headers: .auth) {
                #expect((json($0.body)["items"] as? [Any])?.count == 1)
            }
        }
        for s in [a, b] { s.pipeline.close() }
        for t in tasks { t.cancel(); _ = try? await t.value }
        await a.database.close()
        await b.database.close()
        await test.remove()
    }
}

private func line(_ id: Int) -> String {
    #"{"data":{"id":"\#(id)","text":"acme","author_id":"1","created_at":"2026-11-20T08:15:02.000Z"},"includes":{"users":[{"id":"1","name":"A","username":"a"}]}}"#
}

/// Opens `/api/v1/stream` on `port`, runs `trigger`, and returns the first event block.
func firstSSEEvent(port: Int, trigger: @Sendable () async throws -> Void) async throws -> String {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/stream")
    request.headers.add(name: "Authorization", value: "Bearer \(TestApp.token)")
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    #expect(response.status == .ok)
    var iterator = response.body.makeAsyncIterator()
    var text = ""
    // The ": connected" comment arrives once the subscription exists.
    while !text.contains("\n\n"), let chunk = try await iterator.next() { text += String(buffer: chunk) }
    text = ""
    try await trigger()
    while !text.contains("event: mention"), let chunk = try await iterator.next() {
        text += String(buffer: chunk)
    }
    while !text.hasSuffix("\n\n"), let chunk = try await iterator.next() { text += String(buffer: chunk) }
    return text
}
