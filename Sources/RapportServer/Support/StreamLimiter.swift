import Synchronization

/// Caps live streams (SSE) per user and in total, so one account or a crowd of anonymous clients cannot hold every
/// connection; beyond a cap the request gets 429.
public final class StreamLimiter: Sendable {
    public let perUser: Int
    public let total: Int
    private let counts = Mutex<(total: Int, byKey: [String: Int])>((0, [:]))

    public init(perUser: Int = 10, total: Int = 10_000) {
        self.perUser = perUser
        self.total = total
    }

    /// A lease for one stream of `key` (a user, or an anonymous client's address), or nil when a cap is reached.
    public func acquire(_ key: String) -> Lease? {
        let granted = counts.withLock { state -> Bool in
            guard state.total < total, state.byKey[key, default: 0] < perUser else { return false }
            state.total += 1
            state.byKey[key, default: 0] += 1
            return true
        }
        return granted ? Lease(limiter: self, key: key) : nil
    }

    /// Open streams now (tests, metrics).
    public var open: Int { counts.withLock { $0.total } }

    fileprivate func release(_ key: String) {
        counts.withLock { state in
            state.total -= 1
            let left = state.byKey[key, default: 1] - 1
            state.byKey[key] = left > 0 ? left : nil
        }
    }

    /// One open stream; released exactly once when the stream ends.
    public final class Lease: Sendable {
        private let limiter: StreamLimiter
        private let key: String
        private let released = Atomic<Bool>(false)

        fileprivate init(limiter: StreamLimiter, key: String) {
            self.limiter = limiter
            self.key = key
        }

        public func release() {
            if !released.exchange(true, ordering: .acquiringAndReleasing) { limiter.release(key) }
        }

        deinit { release() }
    }
}
