import Foundation
import RapportCore

/// Which way a message went.
public enum MessageDirection: String, Sendable, Codable {
    /// From the customer (a stored mention).
    case incoming = "in"
    /// An agent's reply, sent through the outbox.
    case outgoing = "out"
    /// An internal note: never leaves Rapport.
    case note
}

/// Where an outgoing reply is.
public enum DeliveryState: String, Sendable, Codable {
    case queued, sending, sent, failed
}

/// One message on a conversation's thread, as the desk shows it.
public struct ConversationMessage: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var conversationID: Int64
    public var direction: MessageDirection
    public var mentionID: Int64?
    public var network: Network
    public var externalID: String?
    public var authorName: String
    public var userID: Int64?
    public var body: String
    public var sentiment: String?
    public var sentimentScore: Double?
    public var intents: [String]
    public var level: String?
    public var delivery: DeliveryState?
    public var deliveryError: String?
    public var createdAt: Date
}
