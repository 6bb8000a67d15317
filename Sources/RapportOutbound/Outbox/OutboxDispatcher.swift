import Foundation

/// Makes one attempt at an outbox row and says what to store: the glue between storage and the senders.
///
/// It holds no state; the outbox row does. The caller claims the row (status "sending", attempts + 1) before
/// calling ``dispatch(_:previousAttempts:random:)`` and writes the outcome afterwards, which is how a reply is
/// never sent twice: a row already `sent` is not dispatched again, and a row found still "sending" after a
/// crash is resumed only where ``canRetryInterruptedAttempt(on:)`` says the platform deduplicates.
public struct OutboxDispatcher: Sendable {
    public var senders: [OutboundChannel: any ReplySender]
    public var policy: RetryPolicy
    public var now: @Sendable () -> Date

    /// Routes each channel to the sender that lists it (the last one wins if two do).
    public init(
        senders: [any ReplySender], policy: RetryPolicy = RetryPolicy(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        var byChannel: [OutboundChannel: any ReplySender] = [:]
        for sender in senders {
            for channel in sender.channels { byChannel[channel] = sender }
        }
        self.senders = byChannel
        self.policy = policy
        self.now = now
    }

    /// One attempt with the sender configured for the message's channel.
    public func dispatch(
        _ message: OutboundMessage, previousAttempts: Int, random: inout some RandomNumberGenerator
    ) async -> DispatchOutcome {
        guard let sender = senders[message.channel] else {
            let result = SendResult.permanent(reason: "no sender is configured for \(message.channel.rawValue)")
            return Self.outcome(for: result, attempts: previousAttempts, policy: policy, at: now(), random: &random)
        }
        return await Self.dispatch(
            message, with: sender, previousAttempts: previousAttempts, policy: policy, now: now, random: &random)
    }

    /// One attempt, with system randomness for the jitter.
    public func dispatch(_ message: OutboundMessage, previousAttempts: Int) async -> DispatchOutcome {
        var random = SystemRandomNumberGenerator()
        return await dispatch(message, previousAttempts: previousAttempts, random: &random)
    }

    /// One attempt with a given sender: sends, then classifies the result under `policy`.
    public static func dispatch(
        _ message: OutboundMessage, with sender: any ReplySender, previousAttempts: Int, policy: RetryPolicy,
        now: @Sendable () -> Date = { Date() }, random: inout some RandomNumberGenerator
    ) async -> DispatchOutcome {
        guard previousAttempts < policy.maxAttempts else {
            // A caller bug or a policy lowered since: refuse rather than exceed the limit.
            let result = SendResult.permanent(reason: "attempt limit of \(policy.maxAttempts) reached")
            return outcome(for: result, attempts: previousAttempts, policy: policy, at: now(), random: &random)
        }
        let result = await sender.send(message)
        return outcome(for: result, attempts: previousAttempts + 1, policy: policy, at: now(), random: &random)
    }

    /// Pure mapping of a send result to the row's next state.
    public static func outcome(
        for result: SendResult, attempts: Int, policy: RetryPolicy, at now: Date,
        random: inout some RandomNumberGenerator
    ) -> DispatchOutcome {
        switch result {
        case .sent(let externalID):
            return DispatchOutcome(status: .sent, attempts: attempts, externalID: externalID, result: result)
        case .permanent(let reason):
            return DispatchOutcome(status: .failed, attempts: attempts, lastError: reason, result: result)
        case .retryable(let reason, let retryAfter):
            guard
                let next = policy.nextAttempt(
                    afterFailedAttempts: attempts, failedAt: now, retryAfter: retryAfter, using: &random)
            else {
                return DispatchOutcome(
                    status: .failed, attempts: attempts,
                    lastError: "\(reason) (gave up after \(attempts) attempts)", result: result)
            }
            return DispatchOutcome(
                status: .retryScheduled, attempts: attempts, lastError: reason, nextAttemptAt: next, result: result)
        }
    }

    /// Whether a row left "sending" by a crash may be attempted again without risking a duplicate: only where
    /// the platform deduplicates by idempotency key (Mastodon) or delivery is local (web chat).
    public func canRetryInterruptedAttempt(on channel: OutboundChannel) -> Bool {
        senders[channel]?.deduplicatesRetries ?? false
    }
}
