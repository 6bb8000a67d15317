import Foundation
import Testing

@testable import RapportOutbound

@Suite struct OutboxDispatcherTests {
    let policy = RetryPolicy(maxAttempts: 3, initialDelay: 60, multiplier: 2, jitter: 0)

    @Test func sentStoresTheExternalID() async {
        let sender = ScriptedSender(channels: [.x], script: [.sent(externalID: "T1")])
        let dispatcher = OutboxDispatcher(senders: [sender], policy: policy, now: Fixtures.clock)
        var random = SeededRandomNumberGenerator(seed: 3)
        let outcome = await dispatcher.dispatch(
            Fixtures.message(.x(tweetID: "1")), previousAttempts: 0, random: &random)
        #expect(outcome.status == .sent)
        #expect(outcome.externalID == "T1")
        #expect(outcome.attempts == 1)
        #expect(outcome.lastError == nil)
        #expect(outcome.nextAttemptAt == nil)
    }

    @Test func retryableSchedulesTheNextAttemptWithBackoff() async {
        let sender = ScriptedSender(channels: [.x], script: [.retryable(reason: "X: HTTP 503")])
        let dispatcher = OutboxDispatcher(senders: [sender], policy: policy, now: Fixtures.clock)
        var random = SeededRandomNumberGenerator(seed: 3)
        let outcome = await dispatcher.dispatch(
            Fixtures.message(.x(tweetID: "1")), previousAttempts: 1, random: &random)
        #expect(outcome.status == .retryScheduled)
        #expect(outcome.attempts == 2)
        #expect(outcome.lastError == "X: HTTP 503")
        #expect(outcome.nextAttemptAt == Fixtures.fixedDate.addingTimeInterval(120))
    }

    @Test func lastRetryableAttemptFailsVisibly() async {
        let sender = ScriptedSender(channels: [.x], script: [.retryable(reason: "X: HTTP 503")])
        let dispatcher = OutboxDispatcher(senders: [sender], policy: policy, now: Fixtures.clock)
        var random = SeededRandomNumberGenerator(seed: 3)
        let outcome = await dispatcher.dispatch(
            Fixtures.message(.x(tweetID: "1")), previousAttempts: 2, random: &random)
        #expect(outcome.status == .failed)
        #expect(outcome.attempts == 3)
        #expect(outcome.lastError == "X: HTTP 503 (gave up after 3 attempts)")
    }

    @Test func permanentFailsAtOnce() async {
        let sender = ScriptedSender(channels: [.x], script: [.permanent(reason: "X: HTTP 401")])
        let dispatcher = OutboxDispatcher(senders: [sender], policy: policy, now: Fixtures.clock)
        let outcome = await dispatcher.dispatch(Fixtures.message(.x(tweetID: "1")), previousAttempts: 0)
        #expect(outcome.status == .failed)
        #expect(outcome.lastError == "X: HTTP 401")
    }

    @Test func aRowAtTheLimitIsNotSentAgain() async {
        let sender = ScriptedSender(channels: [.x], script: [.sent(externalID: "T1")])
        let dispatcher = OutboxDispatcher(senders: [sender], policy: policy, now: Fixtures.clock)
        let outcome = await dispatcher.dispatch(Fixtures.message(.x(tweetID: "1")), previousAttempts: 3)
        #expect(outcome.status == .failed)
        #expect(await sender.calls == 0)
    }

    @Test func unconfiguredChannelFails() async {
        let dispatcher = OutboxDispatcher(senders: [], policy: policy, now: Fixtures.clock)
        let outcome = await dispatcher.dispatch(Fixtures.message(.messenger(psid: "p")), previousAttempts: 0)
        #expect(outcome.status == .failed)
        #expect(outcome.lastError?.contains("messenger") == true)
    }

    @Test func interruptedAttemptsResumeOnlyWhereThePlatformDeduplicates() {
        let dispatcher = OutboxDispatcher(
            senders: [
                XReplySender(configuration: XConfiguration(userAccessToken: "t")),
                MastodonReplySender(configuration: MastodonConfiguration(baseURL: "https://m.test", accessToken: "t")),
                WebChatReplySender(),
            ])
        #expect(dispatcher.canRetryInterruptedAttempt(on: .mastodon))
        #expect(dispatcher.canRetryInterruptedAttempt(on: .webchat))
        #expect(!dispatcher.canRetryInterruptedAttempt(on: .x))
        #expect(!dispatcher.canRetryInterruptedAttempt(on: .email))
    }

    /// The whole loop as storage will run it: 503, 429 with Retry-After, then success; one tweet in the end.
    @Test func outboxLoopAgainstALocalServerSendsExactlyOnce() async throws {
        let stub = PlatformStub()
        await stub.script(
            "/2/tweets",
            [
                .json(503, #"{"title":"Service Unavailable"}"#),
                .json(429, #"{"title":"Too Many Requests"}"#, headers: ["Retry-After": "900"]),
                .json(201, #"{"data":{"id":"555","text":"ok"}}"#),
            ])
        let outcomes = try await stub.serve { base in
            let sender = XReplySender(
                configuration: XConfiguration(baseURL: base, userAccessToken: "t"), now: Fixtures.clock)
            let dispatcher = OutboxDispatcher(
                senders: [sender], policy: RetryPolicy(maxAttempts: 5, initialDelay: 30, jitter: 0),
                now: Fixtures.clock)
            var random = SeededRandomNumberGenerator(seed: 9)
            var attempts = 0
            var seen: [DispatchOutcome] = []
            // The caller's loop: dispatch until the row is sent or failed (times are not waited for here).
            while seen.last.map({ $0.status == .retryScheduled }) ?? true {
                let outcome = await dispatcher.dispatch(
                    Fixtures.message(.x(tweetID: "1")), previousAttempts: attempts, random: &random)
                attempts = outcome.attempts
                seen.append(outcome)
            }
            return seen
        }
        #expect(outcomes.map(\.status) == [.retryScheduled, .retryScheduled, .sent])
        #expect(outcomes[0].nextAttemptAt == Fixtures.fixedDate.addingTimeInterval(30))
        #expect(outcomes[1].nextAttemptAt == Fixtures.fixedDate.addingTimeInterval(900))
        #expect(outcomes[2].externalID == "555")
        #expect(await stub.requests(to: "/2/tweets").count == 3)
    }
}
