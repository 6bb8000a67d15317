import Foundation

/// What keeps a signed-in live stream honest: the stream's lease under ``StreamLimiter`` and a check, repeated while
/// it is open, that the session or token behind it still holds (sign-out, a disabled user or a revoked token end the
/// stream within ``recheck``).
public struct StreamGuard: Sendable {
    public let limiter: StreamLimiter
    /// The user or client the stream counts against.
    public let key: String
    public let stillAllowed: @Sendable () async -> Bool
    public static let recheck: Duration = .seconds(5)

    public init(limiter: StreamLimiter, key: String, stillAllowed: @escaping @Sendable () async -> Bool) {
        self.limiter = limiter
        self.key = key
        self.stillAllowed = stillAllowed
    }
}
