import Foundation

/// What the caller writes back to the outbox row after one attempt.
public struct DispatchOutcome: Sendable, Hashable {
    /// The row's next state.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Delivered: store `externalID`; never send this row again.
        case sent
        /// Failed for now: try again at `nextAttemptAt`.
        case retryScheduled
        /// Failed for good: show `lastError` on the message; only a person resends it.
        case failed
    }

    public var status: Status
    /// Attempts made for this row, this one included.
    public var attempts: Int
    /// The platform's id for the reply, when sent.
    public var externalID: String?
    /// Why the attempt failed, for the message's visible error; `nil` when sent.
    public var lastError: String?
    /// When to try again, for `retryScheduled`.
    public var nextAttemptAt: Date?
    /// The sender's raw result.
    public var result: SendResult

    public init(
        status: Status, attempts: Int, externalID: String? = nil, lastError: String? = nil,
        nextAttemptAt: Date? = nil, result: SendResult
    ) {
        self.status = status
        self.attempts = attempts
        self.externalID = externalID
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt
        self.result = result
    }
}
