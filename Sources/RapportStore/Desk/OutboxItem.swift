import Foundation

/// A reply waiting in the outbox: what the network's send side needs to answer in place.
public struct OutboxItem: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var messageID: Int64
    public var conversationID: Int64
    public var network: String
    /// Private channel (DM, Messenger, email, chat) rather than a public reply.
    public var isPrivate: Bool
    public var text: String
    /// The customer's message being answered (its network id).
    public var inReplyToExternalID: String?
    /// The thread root the network names (X conversation, Bluesky root, email thread root).
    public var threadID: String?
    /// Who receives it: the customer's handle, account id or address.
    public var recipient: String
    public var recipientHandle: String
    /// Email only: the subject being answered.
    public var subject: String?
    public var attempts: Int
    public var status: DeliveryState
    public var lastError: String?
    /// Bluesky: the content id (CID) of the message answered. Optional so that payloads queued before
    /// it existed still decode.
    public var inReplyToContentID: String? = nil
    /// Bluesky: the content id of the thread's root post; nil when the answered message starts the thread.
    public var threadRootContentID: String? = nil
}
