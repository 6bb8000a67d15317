import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportIngest
import RapportOutbound
import RapportServer
import RapportStore
import RapportTestSupport
import Synchronization
import Testing

@Suite("Outbox: replies leave in the customer's channel")
struct OutboxDeliveryTests {
    /// A stand-in for X's API on 127.0.0.1 that answers like `POST /2/tweets` and records requests.
    final class XStub: Sendable {
        let requests = Mutex<[(path: String, auth: String?, body: String)]>([])
        let failuresLeft = Mutex(1)

        var router: Hummingbird.Router<BasicRequestContext> {
            let router = Router()
            router.post("2/tweets") { request, context -> Response in
                let body = String(buffer: try await request.body.collect(upTo: 1 << 16))
                self.requests.withLock { $0.append((request.uri.path, request.headers[.authorization], body)) }
                // The first attempt meets a 503: the outbox must retry, not give up or duplicate.
                if self.failuresLeft.withLock({ n in
                    defer { n -= 1 }; return n > 0
                }) {
                    return Response(status: .serviceUnavailable)
                }
                return Response(
                    status: .created, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"data":{"id":"1999","text":"ok"}}"#)))
            }
            router.post("2/dm_conversations/with/:user/messages") { request, context -> Response in
                let body = String(buffer: try await request.body.collect(upTo: 1 << 16))
                self.requests.withLock { $0.append((request.uri.path, request.headers[.authorization], body)) }
                return Response(
                    status: .created, headers: [.contentType: "application/json"],
                    body: ResponseBody(
                        byteBuffer: ByteBuffer(string: #"{"data":{"dm_conversation_id":"77-1","dm_event_id":"555"}}"#)))
            }
            return router
        }
    }

    @Test(
        "public → private: the public reply and a DM to the author go out, in a new linked conversation",
        arguments: TestEngine.available)
    func movePrivate(engine: TestEngine) async throws {
        let stub = XStub()
        stub.failuresLeft.withLock { $0 = 0 }
        try await Application(router: stub.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            .test(.live) { stubClient in
                let port = try #require(stubClient.port)
                let sender = XReplySender(
                    configuration: XConfiguration(baseURL: "http://127.0.0.1:\(port)", userAccessToken: "x-user-token"))
                try await TestApp.withServices(engine, dispatcher: OutboxDispatcher(senders: [sender])) {
                    config, services in
                    let app = Application(router: buildRouter(config, services: services))
                    try await app.test(.router) { client in
                        let people = try await DeskTest.people(services)
                        let line =
                            #"{"data":{"id":"1900","text":"@AcmeMobile you charged me twice, this is theft","author_id":"77","created_at":"2026-11-20T08:15:02.000Z"},"includes":{"users":[{"id":"77","name":"Dana W","username":"danaw","public_metrics":{"followers_count":2400000}}]}}"#
                        try await client.execute(
                            uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
                        ) { #expect($0.status == .ok) }
                        try await DeskTest.settle(services)
                        let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
                        let response = try await client.execute(
                            uri: "/api/v1/conversations/\(c.id)/move-private", method: .post,
                            headers: DeskTest.bearer(people[.agent]!.token),
                            body: ByteBuffer(
                                string:
                                    #"{"text":"Hi Dana, can you send us your account number?","publicText":"Sorry Dana, we've sent you a DM."}"#
                            ))
                        #expect(response.status == .created)
                        let newID = try #require(
                            (try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
                                as? [String: Any])?["id"] as? Int)
                        try await eventually { stub.requests.withLock({ $0.count }) >= 2 }
                        let private_ = try #require(try await services.desk.conversations.detail(id: Int64(newID)))
                        #expect(private_.summary.channelKind == "dm")
                        #expect(private_.summary.customerID == c.customerID)
                        #expect(private_.tags == ["from-public-\(c.id)"])
                        #expect(
                            try await services.desk.conversations.detail(id: c.id)?.tags.contains(
                                "moved-private-\(newID)") == true)
                    }
                }
            }
        let paths = stub.requests.withLock { $0.map(\.path) }.sorted()
        #expect(paths == ["/2/dm_conversations/with/77/messages", "/2/tweets"])
    }

    @Test(
        "an agent's reply to an X post is posted as a reply to that tweet, retried after a 503, sent once",
        arguments: TestEngine.available)
    func xReply(engine: TestEngine) async throws {
        let stub = XStub()
        try await Application(router: stub.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            .test(.live) { stubClient in
                let port = try #require(stubClient.port)
                let sender = XReplySender(
                    configuration: XConfiguration(baseURL: "http://127.0.0.1:\(port)", userAccessToken: "x-user-token"))
                let dispatcher = OutboxDispatcher(
                    senders: [sender], policy: RetryPolicy(maxAttempts: 5, initialDelay: 0.05, maxDelay: 0.1, jitter: 0)
                )
                try await TestApp.withServices(engine, dispatcher: dispatcher) { config, services in
                    let app = Application(router: buildRouter(config, services: services))
                    try await app.test(.router) { client in
                        let people = try await DeskTest.people(services)
                        let line =
                            #"{"data":{"id":"1861","text":"@AcmeMobile no signal for 3 days, cancelling my contract","author_id":"77","created_at":"2026-11-20T08:15:02.000Z","conversation_id":"1861"},"includes":{"users":[{"id":"77","name":"Dana W","username":"danaw","public_metrics":{"followers_count":2400000}}]}}"#
                        try await client.execute(
                            uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
                        ) { #expect($0.status == .ok) }
                        try await DeskTest.settle(services)
                        let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
                        try await client.execute(
                            uri: "/api/v1/conversations/\(c.id)/replies", method: .post,
                            headers: DeskTest.bearer(people[.agent]!.token),
                            body: ByteBuffer(string: #"{"text":"Sorry Dana, we're on it. DM us your number?"}"#)
                        ) { #expect($0.status == .created) }
                        var delivered: ConversationMessage?
                        try await eventually {
                            delivered = try await services.desk.conversations.detail(id: c.id)?.messages.last
                            return delivered?.delivery == .sent
                        }
                        #expect(delivered?.delivery == .sent)
                        #expect(delivered?.externalID == "1999")
                    }
                }
            }
        let requests = stub.requests.withLock { $0 }
        #expect(requests.count == 2, "one 503, then one successful post")
        let last = try #require(requests.last)
        #expect(last.auth == "Bearer x-user-token")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(last.body.utf8)) as? [String: Any])
        #expect(json["text"] as? String == "Sorry Dana, we're on it. DM us your number?")
        #expect((json["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String == "1861")
    }

    @Test(
        "a reply on a network with no connected account fails visibly on the message", arguments: TestEngine.available)
    func unconfigured(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let line =
                #"{"data":{"id":"1862","text":"@AcmeMobile my bill doubled, this is a scam, cancelling","author_id":"78","created_at":"2026-11-20T08:15:02.000Z"},"includes":{"users":[{"id":"78","name":"Lee","username":"lee","public_metrics":{"followers_count":3100000}}]}}"#
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            _ = try await services.desk.conversations.reply(to: c.id, by: people[.agent]!.user, text: "Sorry Lee!")
            services.desk.worker.wake()
            var last: ConversationMessage?
            try await eventually {
                last = try await services.desk.conversations.detail(id: c.id)?.messages.last
                return last?.delivery == .failed
            }
            #expect(last?.delivery == .failed)
            #expect(last?.deliveryError?.contains("no sender is configured for x") == true)
        }
    }
}
