import Foundation
import Testing

@testable import RapportOutbound

/// Mastodon through a local stand-in that, like the real server, deduplicates by Idempotency-Key.
@Suite struct MastodonSenderTests {
    func sender(_ baseURL: String) -> MastodonReplySender {
        MastodonReplySender(
            configuration: MastodonConfiguration(baseURL: baseURL, accessToken: "m-token"),
            transport: Fixtures.stubTransport, now: Fixtures.clock)
    }

    @Test func replyStatusIsPostedWithIdempotencyKey() async throws {
        let stub = PlatformStub()
        await stub.script("/api/v1/statuses", [.json(200, #"{"id":"103704874086360371","visibility":"public"}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(
                Fixtures.message(.mastodon(statusID: "103704874086360370", authorAccount: "ana@ex.social")))
        }
        #expect(result == .sent(externalID: "103704874086360371"))
        let request = try #require(await stub.requests(to: "/api/v1/statuses").first)
        #expect(request.headers["idempotency-key"] == "outbox-42")
        #expect(request.headers["authorization"] == "Bearer m-token")
        #expect(request.json["in_reply_to_id"] as? String == "103704874086360370")
        #expect(request.json["status"] as? String == "@ana@ex.social Thanks, we're on it!")
        #expect(request.json["visibility"] as? String == "public")
    }

    @Test func privateReplyIsDirect() async throws {
        let stub = PlatformStub()
        await stub.script("/api/v1/statuses", [.json(200, #"{"id":"9"}"#)])
        _ = try await stub.serve { base in
            await sender(base).send(
                Fixtures.message(.mastodon(statusID: "1", authorAccount: "ana@ex.social"), isPrivate: true))
        }
        #expect(await stub.requests(to: "/api/v1/statuses").first?.json["visibility"] as? String == "direct")
    }

    @Test func droppedConnectionIsRetryableBecauseTheKeyDeduplicates() async throws {
        let stub = PlatformStub()
        await stub.script("/api/v1/statuses", [.drop, .json(200, #"{"id":"77"}"#)])
        let (first, second) = try await stub.serve { base in
            let message = Fixtures.message(.mastodon(statusID: "1", authorAccount: "ana@ex.social"))
            return (await sender(base).send(message), await sender(base).send(message))
        }
        guard case .retryable = first else {
            Issue.record("expected retryable, got \(first)")
            return
        }
        #expect(second == .sent(externalID: "77"))
        let keys = await stub.requests(to: "/api/v1/statuses").map { $0.headers["idempotency-key"] }
        #expect(keys == ["outbox-42", "outbox-42"])
    }

    @Test func validationErrorIsPermanent() async throws {
        let stub = PlatformStub()
        await stub.script(
            "/api/v1/statuses", [.json(422, #"{"error":"Validation failed: Text character limit of 500 exceeded"}"#)])
        let result = try await stub.serve { base in
            await sender(base).send(Fixtures.message(.mastodon(statusID: "1")))
        }
        #expect(
            result == .permanent(reason: "Mastodon: HTTP 422: Validation failed: Text character limit of 500 exceeded"))
    }
}
