import Foundation

/// The outcome of one send attempt.
public enum SendResult: Sendable, Hashable {
    /// The platform accepted the reply and gave it this id (tweet id, comment id, status id, `at://` URI,
    /// Message-ID, …). The caller stores it so the reply can be linked and is never sent again.
    case sent(externalID: String)
    /// Worth trying again later: network error before anything reached the platform, 408, 429, 5xx, SMTP 4xx.
    /// `retryAfter` is the wait the platform asked for, in seconds, when it said one.
    case retryable(reason: String, retryAfter: TimeInterval? = nil)
    /// Trying again will not help without a person: bad credentials, a rejected request, a target that no
    /// longer exists, or an outcome that is unknown where a retry could post the reply twice.
    case permanent(reason: String)

    /// The failure text to show on the message, or `nil` when sent.
    public var failureReason: String? {
        switch self {
        case .sent: nil
        case .retryable(let reason, _), .permanent(let reason): reason
        }
    }
}
