import Foundation
import Logging
import RapportStore
import Synchronization

/// Records a token's last use at most once a minute per token, off the request's path: "last used" needs minutes,
/// not a write on every API call.
final class TokenUseRecorder: Sendable {
    private let tokens: TokenStore
    private let recorded = Mutex<[Int64: Date]>([:])
    static let interval: TimeInterval = 60

    init(tokens: TokenStore) {
        self.tokens = tokens
    }

    func used(_ id: Int64, now: Date = Date()) {
        let due = recorded.withLock { seen -> Bool in
            if let last = seen[id], now.timeIntervalSince(last) < Self.interval { return false }
            seen[id] = now
            return true
        }
        guard due else { return }
        let tokens = tokens
        Task { try? await tokens.touch(id: id, at: now) }
    }
}
