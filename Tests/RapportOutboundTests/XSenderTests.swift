import Foundation
import NIOCore
import Testing

@testable import RapportOutbound

/// The X sender against a local server that checks the documented request format and plays failures.
@Suite struct XSenderTests {
    func sender(_ baseURL: String, timeout: TimeAmount = Fixtures.stubTransport.timeout) -> XReplySender {
        XReplySender(
            configuration: XConfiguration(baseURL: baseURL, userAccessToken: "user-token"),
            transport: HTTPTransport(timeout: timeout), now: Fixtures.clock)
    }

    @Test func replyIsPostedAndTheTweetIDReturned() async throws {
        let stub = PlatformStub()
        await stub.script("/2/tweets", [.json(201, #"{"data":{"id":"1445880548472328192","text":"Thanks"}}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.x(tweetID: "1445880548472328190")))
        }
        #expect(result == .sent(externalID: "1445880548472328192"))
        let request = try #require(await stub.requests(to: "/2/tweets").first)
        #expect(request.method == "POST")
        #expect(request.headers["authorization"] == "Bearer user-token")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.json["text"] as? String == "Thanks, we're on it!")
        #expect((request.json["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String == "1445880548472328190")
    }

    @Test func privateReplyGoesToTheDMEndpoint() async throws {
        let stub = PlatformStub()
        let path = "/2/dm_conversations/with/2244994945/messages"
        await stub.script(path, [.json(201, #"{"data":{"dm_conversation_id":"1-2","dm_event_id":"158"}}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.x(tweetID: "1", authorID: "2244994945"), isPrivate: true))
        }
        #expect(result == .sent(externalID: "158"))
        #expect(await stub.requests(to: path).first?.json["text"] as? String == "Thanks, we're on it!")
    }

    @Test func serviceUnavailableIsRetryable() async throws {
        let stub = PlatformStub()
        await stub.script("/2/tweets", [.json(503, #"{"title":"Service Unavailable","detail":"try later"}"#)])
        let result = try await stub.serve { base in await sender(base).send(Fixtures.message(.x(tweetID: "1"))) }
        guard case .retryable(let reason, let retryAfter) = result else {
            Issue.record("expected retryable, got \(result)")
            return
        }
        #expect(reason.contains("503"))
        #expect(reason.contains("try later"))
        #expect(retryAfter == nil)
    }

    @Test func tooManyRequestsCarriesTheResetTime() async throws {
        let stub = PlatformStub()
        // X announces the end of the rate-limit window as Unix seconds.
        let reset = Int(Fixtures.fixedDate.timeIntervalSince1970) + 900
        await stub.script(
            "/2/tweets", [.json(429, #"{"title":"Too Many Requests"}"#, headers: ["x-rate-limit-reset": "\(reset)"])])
        let result = try await stub.serve { base in await sender(base).send(Fixtures.message(.x(tweetID: "1"))) }
        #expect(result == .retryable(reason: "X: HTTP 429: Too Many Requests", retryAfter: 900))
    }

    @Test func badRequestIsPermanent() async throws {
        let stub = PlatformStub()
        await stub.script(
            "/2/tweets", [.json(400, #"{"title":"Invalid Request","detail":"text is too long"}"#)])
        let result = try await stub.serve { base in await sender(base).send(Fixtures.message(.x(tweetID: "1"))) }
        #expect(result == .permanent(reason: "X: HTTP 400: text is too long"))
    }

    @Test func unauthorizedIsPermanentAndPointsAtCredentials() async throws {
        let stub = PlatformStub()
        await stub.script("/2/tweets", [.json(401, #"{"title":"Unauthorized","status":401}"#)])
        let result = try await stub.serve { base in await sender(base).send(Fixtures.message(.x(tweetID: "1"))) }
        guard case .permanent(let reason) = result else {
            Issue.record("expected permanent, got \(result)")
            return
        }
        #expect(reason.contains("401"))
        #expect(reason.contains("credentials"))
    }

    @Test func droppedConnectionAfterTheRequestIsNotRetriedBlindly() async throws {
        // X has no idempotency key: the tweet may exist, so a retry could post it twice.
        let stub = PlatformStub()
        await stub.script("/2/tweets", [.drop])
        let result = try await stub.serve { base in await sender(base).send(Fixtures.message(.x(tweetID: "1"))) }
        guard case .permanent(let reason) = result else {
            Issue.record("expected permanent, got \(result)")
            return
        }
        #expect(reason.contains("may have been posted"))
        #expect(await stub.requests(to: "/2/tweets").count == 1)
    }

    @Test func refusedConnectionIsRetryable() async throws {
        let port = try await Fixtures.unusedPort()
        let result = await sender("http://127.0.0.1:\(port)", timeout: .seconds(1))
            .send(Fixtures.message(.x(tweetID: "1")))
        guard case .retryable = result else {
            Issue.record("expected retryable, got \(result)")
            return
        }
    }

    @Test func successWithoutAnIDIsPermanentRatherThanResent() async throws {
        let stub = PlatformStub()
        await stub.script("/2/tweets", [.json(200, "{}")])
        let result = try await stub.serve { base in await sender(base).send(Fixtures.message(.x(tweetID: "1"))) }
        guard case .permanent = result else {
            Issue.record("expected permanent, got \(result)")
            return
        }
    }
}
