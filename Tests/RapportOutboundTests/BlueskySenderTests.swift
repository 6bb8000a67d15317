import Foundation
import Testing

@testable import RapportOutbound

/// Bluesky through a local PDS stand-in: log-in, session reuse, expiry and the reply record.
@Suite struct BlueskySenderTests {
    static let sessionPath = "/xrpc/com.atproto.server.createSession"
    static let recordPath = "/xrpc/com.atproto.repo.createRecord"
    static let root = BlueskyPostRef(uri: "at://did:plc:cust/app.bsky.feed.post/3kroot", cid: "bafyroot")
    static let parent = BlueskyPostRef(uri: "at://did:plc:cust/app.bsky.feed.post/3kparent", cid: "bafyparent")

    func sender(_ baseURL: String, sessions: BlueskySessionStore = BlueskySessionStore()) -> BlueskyReplySender {
        BlueskyReplySender(
            configuration: BlueskyConfiguration(baseURL: baseURL, identifier: "brand.test", appPassword: "app-pw"),
            transport: Fixtures.stubTransport, sessions: sessions, now: Fixtures.clock)
    }

    func session(_ jwt: String) -> PlatformStub.Reply {
        .json(200, #"{"accessJwt":"\#(jwt)","refreshJwt":"r","handle":"brand.test","did":"did:plc:brand"}"#)
    }

    static let created = PlatformStub.Reply.json(
        200, #"{"uri":"at://did:plc:brand/app.bsky.feed.post/3kreply","cid":"bafyreply"}"#)

    @Test func logsInThenWritesTheReplyRecord() async throws {
        let stub = PlatformStub()
        await stub.script(Self.sessionPath, [session("jwt-1")])
        await stub.script(Self.recordPath, [Self.created])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.bluesky(parent: Self.parent, root: Self.root)))
        }
        #expect(result == .sent(externalID: "at://did:plc:brand/app.bsky.feed.post/3kreply"))
        let login = try #require(await stub.requests(to: Self.sessionPath).first)
        #expect(login.json as NSDictionary == ["identifier": "brand.test", "password": "app-pw"] as NSDictionary)
        let write = try #require(await stub.requests(to: Self.recordPath).first)
        #expect(write.headers["authorization"] == "Bearer jwt-1")
        #expect(write.json["repo"] as? String == "did:plc:brand")
        #expect(write.json["collection"] as? String == "app.bsky.feed.post")
        let record = try #require(write.json["record"] as? [String: Any])
        #expect(record["$type"] as? String == "app.bsky.feed.post")
        #expect(record["createdAt"] as? String == "2024-03-05T09:30:00.000Z")
        let reply = try #require(record["reply"] as? [String: [String: String]])
        #expect(reply["root"]?["uri"] == Self.root.uri)
        #expect(reply["root"]?["cid"] == Self.root.cid)
        #expect(reply["parent"]?["uri"] == Self.parent.uri)
        #expect(reply["parent"]?["cid"] == Self.parent.cid)
    }

    @Test func sessionIsReusedAcrossSends() async throws {
        let stub = PlatformStub()
        await stub.script(Self.sessionPath, [session("jwt-1")])
        await stub.script(Self.recordPath, [Self.created])
        let sessions = BlueskySessionStore()
        try await stub.serve { base in
            let message = Fixtures.message(.bluesky(parent: Self.parent, root: Self.root))
            _ = await sender(base, sessions: sessions).send(message)
            _ = await sender(base, sessions: sessions).send(message)
        }
        #expect(await stub.requests(to: Self.sessionPath).count == 1)
        #expect(await stub.requests(to: Self.recordPath).count == 2)
    }

    @Test func expiredTokenLogsInAgainOnce() async throws {
        let stub = PlatformStub()
        await stub.script(Self.sessionPath, [session("jwt-old"), session("jwt-new")])
        await stub.script(
            Self.recordPath, [.json(400, #"{"error":"ExpiredToken","message":"Token has expired"}"#), Self.created])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.bluesky(parent: Self.parent, root: Self.root)))
        }
        #expect(result == .sent(externalID: "at://did:plc:brand/app.bsky.feed.post/3kreply"))
        let tokens = await stub.requests(to: Self.recordPath).map { $0.headers["authorization"] }
        #expect(tokens == ["Bearer jwt-old", "Bearer jwt-new"])
    }

    @Test func wrongAppPasswordIsPermanent() async throws {
        let stub = PlatformStub()
        await stub.script(
            Self.sessionPath,
            [.json(401, #"{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.bluesky(parent: Self.parent, root: Self.root)))
        }
        guard case .permanent(let reason) = result else {
            Issue.record("expected permanent, got \(result)")
            return
        }
        #expect(reason.contains("Invalid identifier or password"))
        #expect(await stub.requests(to: Self.recordPath).isEmpty)
    }

    @Test func rateLimitedWriteIsRetryableWithReset() async throws {
        let stub = PlatformStub()
        await stub.script(Self.sessionPath, [session("jwt-1")])
        await stub.script(
            Self.recordPath, [.json(429, #"{"error":"RateLimitExceeded"}"#, headers: ["Retry-After": "120"])])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.bluesky(parent: Self.parent, root: Self.root)))
        }
        #expect(result == .retryable(reason: "Bluesky: HTTP 429: RateLimitExceeded", retryAfter: 120))
    }
}
