import Foundation
import RapportStore

/// Slows password guessing: after `maxFailures` unsuccessful sign-ins for one address within `window`,
/// further attempts for it are refused until the window has passed.
///
/// The count lives in the database, so it holds across every instance sharing it. An attempt is counted
/// when it is admitted, before the password is checked, and a successful sign-in forgets the count: guesses
/// sent in parallel cannot all slip past the check while their passwords are being verified.
public struct SignInLimiter: Sendable {
    let attempts: SignInAttemptStore
    let maxFailures: Int
    let window: TimeInterval

    /// Attempts one client address may make in `window`, over every account: a guesser spreading tries over many
    /// emails is stopped too.
    let maxPerAddress: Int

    public init(database: Database, maxFailures: Int = 5, window: TimeInterval = 900, maxPerAddress: Int = 30) {
        attempts = SignInAttemptStore(database: database)
        self.maxFailures = maxFailures
        self.window = window
        self.maxPerAddress = maxPerAddress
    }

    /// Counts an attempt for `key` and returns nil when it may try now; otherwise counts nothing and returns
    /// the seconds to wait.
    public func admit(_ key: String, perAddress: Bool = false, now: Date = Date()) async throws -> Int? {
        let limit = perAddress ? maxPerAddress : maxFailures
        guard let wait = try await attempts.admit(key, limit: limit, window: window, now: now) else {
            return nil
        }
        return max(1, Int(wait.rounded(.up)))
    }

    /// The attempt succeeded: `key` starts afresh.
    public func succeeded(_ key: String) async throws {
        try await attempts.clear(key)
    }
}
