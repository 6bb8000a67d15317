import Foundation
import Testing

@testable import RapportOutbound

/// Facebook, Instagram and Messenger through a local Graph API stand-in.
@Suite struct MetaSenderTests {
    func sender(_ baseURL: String) -> MetaReplySender {
        MetaReplySender(
            configuration: MetaConfiguration(baseURL: baseURL, apiVersion: "v21.0", pageAccessToken: "page-token"),
            transport: Fixtures.stubTransport, now: Fixtures.clock)
    }

    @Test func facebookCommentReply() async throws {
        let stub = PlatformStub()
        await stub.script("/v21.0/111_222/comments", [.json(200, #"{"id":"111_333"}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.facebook(commentID: "111_222"), text: "Héllo + bye"))
        }
        #expect(result == .sent(externalID: "111_333"))
        let request = try #require(await stub.requests(to: "/v21.0/111_222/comments").first)
        #expect(request.headers["authorization"] == "Bearer page-token")
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(request.form == ["message": "Héllo + bye"])
        #expect(request.query == nil)
    }

    @Test func instagramCommentReply() async throws {
        let stub = PlatformStub()
        await stub.script("/v21.0/17870913679156914/replies", [.json(200, #"{"id":"17873440459141021"}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.instagram(commentID: "17870913679156914")))
        }
        #expect(result == .sent(externalID: "17873440459141021"))
        #expect(
            await stub.requests(to: "/v21.0/17870913679156914/replies").first?.form["message"] == "Thanks, we're on it!"
        )
    }

    @Test func messengerReplyReturnsTheMessageID() async throws {
        let stub = PlatformStub()
        await stub.script("/v21.0/me/messages", [.json(200, #"{"recipient_id":"PSID-7","message_id":"m_AG5Hz2U"}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.messenger(psid: "PSID-7")))
        }
        #expect(result == .sent(externalID: "m_AG5Hz2U"))
        let body = try #require(await stub.requests(to: "/v21.0/me/messages").first).json
        #expect((body["recipient"] as? [String: Any])?["id"] as? String == "PSID-7")
        #expect(body["messaging_type"] as? String == "RESPONSE")
        #expect((body["message"] as? [String: Any])?["text"] as? String == "Thanks, we're on it!")
    }

    @Test func throttlingReportedAsBadRequestIsRetryable() async throws {
        // The Graph API signals rate limits with 400 and an error code, not 429.
        let stub = PlatformStub()
        await stub.script(
            "/v21.0/me/messages",
            [
                .json(
                    400,
                    #"{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4}}"#)
            ])
        let result = try await stub.serve { base in await sender(base).send(Fixtures.message(.messenger(psid: "p"))) }
        #expect(result == .retryable(reason: "Meta (messenger): HTTP 400: (#4) Application request limit reached"))
    }

    @Test func expiredTokenIsPermanent() async throws {
        let stub = PlatformStub()
        await stub.script(
            "/v21.0/C1/comments",
            [.json(400, #"{"error":{"message":"Error validating access token","type":"OAuthException","code":190}}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.facebook(commentID: "C1")))
        }
        #expect(result == .permanent(reason: "Meta (facebook): HTTP 400: Error validating access token"))
    }

    @Test func serverErrorIsRetryable() async throws {
        let stub = PlatformStub()
        await stub.script(
            "/v21.0/C1/comments", [.json(500, #"{"error":{"message":"An unknown error occurred","code":1}}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.facebook(commentID: "C1")))
        }
        guard case .retryable = result else {
            Issue.record("expected retryable, got \(result)")
            return
        }
    }
}
