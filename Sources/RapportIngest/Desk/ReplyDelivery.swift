import Foundation
import RapportStore

/// The outcome of one attempt to send a reply.
public enum DeliveryResult: Sendable, Hashable {
    /// The network accepted it, under this id.
    case sent(externalID: String)
    /// Worth trying again (network error, 429, 5xx), not before `after` when the network said so.
    case retry(reason: String, after: Date?)
    /// Will not succeed as it is (bad credentials, 4xx, no connector): shown on the message.
    case failed(reason: String)
}

/// The send side of the connectors, as the outbox worker sees it.
public protocol ReplyDelivery: Sendable {
    func deliver(_ item: OutboxItem) async -> DeliveryResult
}
