import Foundation

/// Sends Rapport's own notices (crisis alerts, digests) by email through the SMTP relay, retrying transient
/// failures with backoff. Callers run it off the hot path: a send may take minutes while it retries.
public struct NoticeMailer: Sendable {
    public var client: SMTPClient
    public var recipients: [EmailAddress]
    public var policy: RetryPolicy
    /// Waits between attempts; tests pass one that returns at once.
    public var sleep: @Sendable (TimeInterval) async -> Void
    public var now: @Sendable () -> Date

    public init(
        configuration: SMTPConfiguration, recipients: [EmailAddress],
        policy: RetryPolicy = RetryPolicy(maxAttempts: 6, initialDelay: 5, maxDelay: 300),
        sleep: @escaping @Sendable (TimeInterval) async -> Void = { try? await Task.sleep(for: .seconds($0)) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.client = SMTPClient(configuration: configuration)
        self.recipients = recipients
        self.policy = policy
        self.sleep = sleep
        self.now = now
    }

    /// `a@x.test, b@x.test` → two addresses; blanks dropped.
    public static func parseRecipients(_ list: String) -> [EmailAddress] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { EmailAddress($0) }
    }

    /// Sends one notice; returns nil once the relay accepted it, else why it gave up. 4xx answers and failures
    /// before the message was handed over are retried; 5xx, a bad address and a loss after the final dot are not
    /// (a duplicate alert mail is worse than a reported failure). `report` hears of each failed attempt.
    @discardableResult
    public func send(
        subject: String, text: String, key: String, report: @Sendable (String) -> Void = { _ in }
    ) async -> String? {
        let email: ComposedEmail
        do {
            email = try NoticeEmail.compose(
                subject: subject, text: text, from: client.configuration.from, to: recipients, key: key, date: now())
        } catch {
            return error.reason
        }
        var generator = SystemRandomNumberGenerator()
        var failures = 0
        while !Task.isCancelled {
            do {
                _ = try await client.send(email)
                return nil
            } catch {
                switch EmailReplySender.result(for: error) {
                case .retryable(let reason, _):
                    report(reason)
                default:
                    return "email: \(error)"
                }
            }
            failures += 1
            guard
                let next = policy.nextAttempt(afterFailedAttempts: failures, failedAt: now(), using: &generator)
            else {
                return "email: gave up after \(failures) attempts"
            }
            await sleep(max(0, next.timeIntervalSince(now())))
        }
        return "email: cancelled"
    }
}
