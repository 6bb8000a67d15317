import Foundation
import Testing

@testable import RapportOutbound

@Suite struct RetryPolicyTests {
    let start = Fixtures.fixedDate

    @Test func withoutJitterTheDelayDoublesUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 10, initialDelay: 30, multiplier: 2, maxDelay: 300, jitter: 0)
        var random = SeededRandomNumberGenerator(seed: 1)
        let delays = (1...6).map { policy.backoff(afterFailedAttempts: $0, using: &random) }
        #expect(delays == [30, 60, 120, 240, 300, 300])
    }

    @Test func jitterOnlyShortensAndIsReproducibleForASeed() {
        let policy = RetryPolicy(initialDelay: 100, multiplier: 1, maxDelay: 100, jitter: 0.5)
        var first = SeededRandomNumberGenerator(seed: 7)
        var second = SeededRandomNumberGenerator(seed: 7)
        let a = (1...50).map { policy.backoff(afterFailedAttempts: $0, using: &first) }
        let b = (1...50).map { policy.backoff(afterFailedAttempts: $0, using: &second) }
        #expect(a == b)
        #expect(a.allSatisfy { $0 > 50 && $0 <= 100 })
        // Spread, not one value: that is the point of jitter.
        #expect(Set(a).count > 40)
    }

    @Test func retryAfterIsAFloor() {
        let policy = RetryPolicy(initialDelay: 30, jitter: 0)
        var random = SeededRandomNumberGenerator(seed: 1)
        let later = policy.nextAttempt(afterFailedAttempts: 1, failedAt: start, retryAfter: 600, using: &random)
        #expect(later == start.addingTimeInterval(600))
        let sooner = policy.nextAttempt(afterFailedAttempts: 1, failedAt: start, retryAfter: 5, using: &random)
        #expect(sooner == start.addingTimeInterval(30))
    }

    @Test func absurdRetryAfterIsCapped() {
        let policy = RetryPolicy(jitter: 0, maxRetryAfter: 3600)
        var random = SeededRandomNumberGenerator(seed: 1)
        let next = policy.nextAttempt(afterFailedAttempts: 1, failedAt: start, retryAfter: 30 * 86_400, using: &random)
        #expect(next == start.addingTimeInterval(3600))
    }

    @Test func noAttemptIsLeftAfterTheLast() {
        let policy = RetryPolicy(maxAttempts: 3, jitter: 0)
        var random = SeededRandomNumberGenerator(seed: 1)
        #expect(policy.nextAttempt(afterFailedAttempts: 2, failedAt: start, using: &random) != nil)
        #expect(policy.nextAttempt(afterFailedAttempts: 3, failedAt: start, using: &random) == nil)
    }

    @Test func retryAfterHeaderForms() {
        let now = start
        func delay(_ headers: [String: String]) -> TimeInterval? {
            RetryAfterHeader.delay(in: HTTPResponseSnapshot(status: 429, headers: headers), now: now)
        }
        #expect(delay(["Retry-After": "120"]) == 120)
        #expect(delay(["Retry-After": "Tue, 05 Mar 2024 09:35:00 GMT"]) == 300)
        #expect(delay(["x-rate-limit-reset": "\(Int(now.timeIntervalSince1970) + 60)"]) == 60)
        #expect(delay(["X-RateLimit-Reset": "2024-03-05T09:31:00.000Z"]) == 60)
        #expect(delay(["Retry-After": "soon"]) == nil)
        #expect(delay([:]) == nil)
    }
}
