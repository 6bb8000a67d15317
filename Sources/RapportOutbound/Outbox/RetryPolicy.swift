import Foundation

/// When to try a failed send again: exponential backoff with jitter, a cap, a maximum number of attempts, and
/// the platform's own `Retry-After` as a floor. Pure; randomness comes in as a parameter so tests can seed it.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included; after the last one the message is marked failed.
    public var maxAttempts: Int
    /// Wait after the first failure.
    public var initialDelay: TimeInterval
    /// Growth factor per further failure.
    public var multiplier: Double
    /// Longest backoff the policy chooses by itself.
    public var maxDelay: TimeInterval
    /// Fraction of each delay taken off at random (0 = none, 1 = "full jitter"), so a burst of failures at
    /// the same moment (a platform outage) does not come back as a burst.
    public var jitter: Double
    /// Longest `Retry-After` honoured; a longer one is taken as this, so a bogus header cannot park a reply for
    /// weeks.
    public var maxRetryAfter: TimeInterval

    public init(
        maxAttempts: Int = 8, initialDelay: TimeInterval = 30, multiplier: Double = 2, maxDelay: TimeInterval = 3600,
        jitter: Double = 0.2, maxRetryAfter: TimeInterval = 86_400
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = max(0, initialDelay)
        self.multiplier = max(1, multiplier)
        self.maxDelay = max(self.initialDelay, maxDelay)
        self.jitter = min(1, max(0, jitter))
        self.maxRetryAfter = max(0, maxRetryAfter)
    }

    /// The backoff after `failedAttempts` failures (1 for the first): `initialDelay · multiplier^(n−1)`, capped,
    /// then reduced by a random fraction of at most `jitter`.
    public func backoff(afterFailedAttempts failedAttempts: Int, using random: inout some RandomNumberGenerator)
        -> TimeInterval
    {
        let exponent = Double(max(0, failedAttempts - 1))
        let raw = min(maxDelay, initialDelay * pow(multiplier, exponent))
        let cut = jitter > 0 ? Double.random(in: 0..<jitter, using: &random) : 0
        return raw * (1 - cut)
    }

    /// When to make the next attempt after `failedAttempts` failures, the last at `failedAt`; `nil` when no
    /// attempt is left. A `retryAfter` from the platform is a floor: never try sooner than it asked.
    public func nextAttempt(
        afterFailedAttempts failedAttempts: Int, failedAt: Date, retryAfter: TimeInterval? = nil,
        using random: inout some RandomNumberGenerator
    ) -> Date? {
        guard failedAttempts < maxAttempts else { return nil }
        var delay = backoff(afterFailedAttempts: failedAttempts, using: &random)
        if let retryAfter {
            delay = max(delay, min(max(0, retryAfter), maxRetryAfter))
        }
        return failedAt.addingTimeInterval(delay)
    }
}
