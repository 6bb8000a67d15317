import Foundation

/// The web-chat "send": the visitor's widget reads replies from Rapport itself (polling or a stream), so
/// there is no network to call. Storing the outbox row is the delivery; this sender only hands back the id the
/// widget will see, so web chat goes through the same outbox, dispatcher and status as every other channel.
public struct WebChatReplySender: ReplySender {
    public init() {}

    public var channels: Set<OutboundChannel> { [.webchat] }
    public var deduplicatesRetries: Bool { true }

    public func send(_ message: OutboundMessage) async -> SendResult {
        guard case .webchat(let sessionID) = message.target else {
            return .permanent(reason: "web-chat sender cannot send to \(message.channel.rawValue)")
        }
        if message.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .permanent(reason: "web chat: empty reply")
        }
        // Derived from the outbox key rather than random, so running the same row twice yields one message id.
        return .sent(externalID: "webchat:\(sessionID):\(message.idempotencyKey)")
    }
}
