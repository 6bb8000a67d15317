/// The send side of one connector.
///
/// One attempt per call; retries are the dispatcher's and the caller's business, so a sender never loops.
/// Implementations classify every failure as retryable or permanent and never throw.
public protocol ReplySender: Sendable {
    /// The channels this sender can deliver to.
    var channels: Set<OutboundChannel> { get }
    /// `true` when the platform deduplicates a repeated request with the same idempotency key, so that an attempt
    /// whose outcome is unknown (the connection dropped after the request was written) can safely be retried.
    var deduplicatesRetries: Bool { get }
    /// Try once to deliver the message.
    func send(_ message: OutboundMessage) async -> SendResult
}
