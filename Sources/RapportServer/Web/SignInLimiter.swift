import Foundation
import Synchronization

/// Slows password guessing: after `maxFailures` failed sign-ins for one address within `window`,
/// further attempts for it are refused until the window has passed.
public final class SignInLimiter: Sendable {
    private let failures = Mutex([String: [Date]]())
    let maxFailures: Int
    let window: TimeInterval

    public init(maxFailures: Int = 5, window: TimeInterval = 900) {
        self.maxFailures = maxFailures
        self.window = window
    }

    /// Seconds to wait before `key` may try again, or nil when it may try now.
    public func retryAfter(_ key: String, now: Date = Date()) -> Int? {
        failures.withLock { all in
            let recent = (all[key] ?? []).filter { now.timeIntervalSince($0) < window }
            all[key] = recent.isEmpty ? nil : recent
            guard recent.count >= maxFailures, let oldest = recent.first else { return nil }
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
    }

    public func failed(_ key: String, now: Date = Date()) {
        failures.withLock { $0[key, default: []].append(now) }
    }

    public func succeeded(_ key: String) {
        _ = failures.withLock { $0.removeValue(forKey: key) }
    }
}
