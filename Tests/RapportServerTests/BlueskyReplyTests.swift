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

@Suite("Outbox: Bluesky replies cite the post and its thread root")
struct BlueskyReplyTests {
    /// A stand-in for a Bluesky PDS on 127.0.0.1: answers log-in and record creation, and records both.
    final class PDSStub: Sendable {
        let requests = Mutex<[(path: String, auth: String?, body: String)]>([])

        var router: Hummingbird.Router<BasicRequestContext> {
            let router = Router()
            router.post("xrpc/com.atproto.server.createSession") { request, _ -> Response in
                try await self.record(request)
                return Self.json(#"{"accessJwt":"jwt-1","refreshJwt":"r","handle":"acme.test","did":"did:plc:acme"}"#)
            }
            router.post("xrpc/com.atproto.repo.createRecord") { request, _ -> Response in
                try await self.record(request)
                return Self.json(#"{"uri":"at://did:plc:acme/app.bsky.feed.post/3kanswer","cid":"bafyanswer"}"#)
            }
            return router
        }

        private func record(_ request: Request) async throws {
            let body = String(buffer: try await request.body.collect(upTo: 1 << 16))
            requests.withLock { $0.append((request.uri.path, request.headers[.authorization], body)) }
        }

        private static func json(_ text: String) -> Response {
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }

        /// The `reply` of every record written, as `[root|parent: [uri|cid: value]]`.
        func replies() throws -> [[String: [String: String]]] {
            try requests.withLock { $0 }.filter { $0.path == "/xrpc/com.atproto.repo.createRecord" }.map {
                let body = try #require(try JSONSerialization.jsonObject(with: Data($0.body.utf8)) as? [String: Any])
                let record = try #require(body["record"] as? [String: Any])
                return try #require(record["reply"] as? [String: [String: String]])
            }
        }
    }

    static let brandRoot = "at://did:plc:acme/app.bsky.feed.post/3kroot"
    static let brandParent = "at://did:plc:acme/app.bsky.feed.post/3kparent"
    static let dana = "did:plc:dana"

    /// A Jetstream commit creating Dana's post `rkey`, optionally a reply (`root`, `parent` as (uri, cid)).
    static func jetstream(
        rkey: String, cid: String?, text: String, root: (String, String)? = nil, parent: (String, String)? = nil
    ) -> String {
        var reply = ""
        if let root, let parent {
            reply =
                #","reply":{"root":{"uri":"\#(root.0)","cid":"\#(root.1)"},"parent":{"uri":"\#(parent.0)","cid":"\#(parent.1)"}}"#
        }
        return
            #"{"did":"\#(dana)","time_us":1763626812345678,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.feed.post","rkey":"\#(rkey)","record":{"$type":"app.bsky.feed.post","createdAt":"2026-11-20T08:20:12.345Z","langs":["en"],"text":"\#(text)"\#(reply)}\#(cid.map { #","cid":"\#($0)""# } ?? "")}}"#
    }

    /// Runs `body` with a desk whose Bluesky sender is configured from `RAPPORT_BLUESKY_*` settings and points
    /// at the stub; returns the stub for checks.
    static func withDesk(
        _ engine: TestEngine, _ body: @escaping @Sendable (any TestClientProtocol, RapportServices) async throws -> Void
    ) async throws -> PDSStub {
        let stub = PDSStub()
        try await Application(router: stub.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            .test(.live) { stubClient in
                let port = try #require(stubClient.port)
                let senders = try AppConfiguration(environment: [
                    "RAPPORT_BLUESKY_IDENTIFIER": "acme.test", "RAPPORT_BLUESKY_APP_PASSWORD": "app-password",
                    "RAPPORT_BLUESKY_URL": "http://127.0.0.1:\(port)",
                ]).outbound.senders()
                #expect(senders.contains { $0.channels.contains(.bluesky) })
                try await TestApp.withServices(engine, dispatcher: OutboxDispatcher(senders: senders)) {
                    config, services in
                    let app = Application(router: buildRouter(config, services: services))
                    try await app.test(.router) { client in try await body(client, services) }
                }
            }
        return stub
    }

    static func ingest(_ client: any TestClientProtocol, _ line: String) async throws {
        try await client.execute(
            uri: "/api/v1/ingest/bluesky", method: .post, headers: .auth, body: ByteBuffer(string: line)
        ) { #expect($0.status == .ok) }
    }

    /// Answers the only conversation through the API and waits until the outbox has sent it.
    static func answer(_ client: any TestClientProtocol, _ services: RapportServices, text: String) async throws
        -> (conversation: Int64, sent: ConversationMessage?)
    {
        let people = try await DeskTest.people(services)
        try await DeskTest.settle(services)
        let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
        try await client.execute(
            uri: "/api/v1/conversations/\(c.id)/replies", method: .post,
            headers: DeskTest.bearer(people[.agent]!.token),
            body: ByteBuffer(string: #"{"text":"\#(text)"}"#)
        ) { #expect($0.status == .created) }
        var sent: ConversationMessage?
        try await eventually {
            sent = try await services.desk.conversations.detail(id: c.id)?.messages.last
            return sent?.delivery == .sent || sent?.delivery == .failed
        }
        return (c.id, sent)
    }

    @Test(
        "a reply in a thread: one log-in, one record citing the customer's post as parent and the thread's root",
        arguments: TestEngine.available)
    func replyInThread(engine: TestEngine) async throws {
        let stub = try await Self.withDesk(engine) { client, services in
            try await Self.ingest(
                client,
                Self.jetstream(
                    rkey: "3kdana1", cid: "bafydana1",
                    text: "acme cut my line for three days and nobody answers, cancelling my contract",
                    root: (Self.brandRoot, "bafyroot"), parent: (Self.brandParent, "bafyparent")))
            let (id, sent) = try await Self.answer(client, services, text: "Sorry Dana, we are on it.")
            #expect(sent?.delivery == .sent)
            #expect(sent?.externalID == "at://did:plc:acme/app.bsky.feed.post/3kanswer")
            // Dana answers the brand's reply: it threads back into the same conversation.
            try await Self.ingest(
                client,
                Self.jetstream(
                    rkey: "3kdana2", cid: "bafydana2", text: "acme still nothing, this is a disgrace, cancelling",
                    root: (Self.brandRoot, "bafyroot"),
                    parent: ("at://did:plc:acme/app.bsky.feed.post/3kanswer", "bafyanswer")))
            try await DeskTest.settle(services)
            try await eventually { try await services.desk.conversations.detail(id: id)?.messages.count == 3 }
            #expect(try await services.desk.conversations.detail(id: id)?.messages.count == 3)
            #expect(try await services.desk.conversations.count() == 1)
        }
        let paths = stub.requests.withLock { $0.map(\.path) }
        #expect(paths == ["/xrpc/com.atproto.server.createSession", "/xrpc/com.atproto.repo.createRecord"])
        #expect(stub.requests.withLock { $0.last?.auth } == "Bearer jwt-1")
        let reply = try #require(try stub.replies().first)
        #expect(reply["parent"] == ["uri": "at://\(Self.dana)/app.bsky.feed.post/3kdana1", "cid": "bafydana1"])
        #expect(reply["root"] == ["uri": Self.brandRoot, "cid": "bafyroot"])
    }

    @Test(
        "a reply to a post that starts its thread cites the post as both root and parent",
        arguments: TestEngine.available)
    func replyToTopLevelPost(engine: TestEngine) async throws {
        let stub = try await Self.withDesk(engine) { client, services in
            try await Self.ingest(
                client,
                Self.jetstream(
                    rkey: "3kdana9", cid: "bafydana9",
                    text: "@acme.test my acme bill doubled again, this is a scam, switching provider tomorrow"))
            let (_, sent) = try await Self.answer(client, services, text: "Dana, we will fix your bill today.")
            #expect(sent?.delivery == .sent)
        }
        let post = ["uri": "at://\(Self.dana)/app.bsky.feed.post/3kdana9", "cid": "bafydana9"]
        let replies = try stub.replies()
        #expect(replies.count == 1)
        #expect(replies.first?["parent"] == post)
        #expect(replies.first?["root"] == post)
    }

    @Test(
        "a post stored without its CID is not answered outside its thread: the reply fails for a person to send",
        arguments: TestEngine.available)
    func missingContentID(engine: TestEngine) async throws {
        let stub = try await Self.withDesk(engine) { client, services in
            try await Self.ingest(
                client,
                Self.jetstream(
                    rkey: "3kdana7", cid: nil, text: "@acme.test acme cut me off, cancelling my contract today"))
            let (_, sent) = try await Self.answer(client, services, text: "Dana, we are on it.")
            #expect(sent?.delivery == .failed)
            #expect(sent?.deliveryError?.contains("answer there by hand") == true)
        }
        #expect(stub.requests.withLock { $0.isEmpty })
    }

    @Test("a queued payload written before content ids existed still decodes")
    func oldPayloadDecodes() throws {
        let old =
            #"{"attempts":0,"conversationID":3,"id":0,"inReplyToExternalID":"at://x","isPrivate":false,"messageID":9,"network":"bluesky","recipient":"did:plc:x","recipientHandle":"x.test","status":"queued","text":"hi"}"#
        let item = try JSONDecoder().decode(OutboxItem.self, from: Data(old.utf8))
        #expect(item.inReplyToContentID == nil)
        #expect(item.threadRootContentID == nil)
        #expect(item.inReplyToExternalID == "at://x")
    }
}
