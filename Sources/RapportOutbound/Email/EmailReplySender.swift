import Foundation
import NIOCore

/// Sends email replies through an SMTP relay, threaded into the customer's conversation.
///
/// SMTP has no idempotency key. The Message-ID is derived from the outbox key, so should a reply ever be
/// delivered twice it is the same message to the customer's client; still, when the connection drops after the
/// message was handed over, the attempt is reported as permanent rather than retried.
public struct EmailReplySender: ReplySender {
    public var client: SMTPClient
    public var now: @Sendable () -> Date

    public init(
        configuration: SMTPConfiguration, group: (any EventLoopGroup)? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.client =
            group.map { SMTPClient(configuration: configuration, group: $0) }
            ?? SMTPClient(configuration: configuration)
        self.now = now
    }

    public var channels: Set<OutboundChannel> { [.email] }
    public var deduplicatesRetries: Bool { false }

    public func send(_ message: OutboundMessage) async -> SendResult {
        let email: ComposedEmail
        do {
            email = try EmailComposer.compose(message, from: client.configuration.from, date: now())
        } catch {
            return .permanent(reason: error.reason)
        }
        do {
            _ = try await client.send(email)
            return .sent(externalID: email.messageID)
        } catch {
            return Self.result(for: error)
        }
    }

    /// 4xx and failures before the message was handed over are retryable; 5xx and a loss after it are not.
    static func result(for error: SMTPError) -> SendResult {
        let reason = "email: \(error)"
        switch error {
        case .connectionFailed:
            return .retryable(reason: reason)
        case .rejected(_, let reply):
            return reply.isTransient ? .retryable(reason: reason) : .permanent(reason: reason)
        case .connectionLost(_, let afterFinalDot):
            if afterFinalDot {
                return .permanent(
                    reason: reason + "; the relay may have accepted the mail, so it is not retried automatically "
                        + "(check the relay's log, then resend by hand)")
            }
            return .retryable(reason: reason)
        case .protocolViolation:
            return .permanent(reason: reason)
        }
    }
}
