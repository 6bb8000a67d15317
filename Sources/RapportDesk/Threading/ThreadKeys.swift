import RapportCore

/// A stored message by its network id: what replies point at.
public struct MessageKey: Hashable, Sendable, Codable {
    public var network: Network
    public var externalID: String

    public init(network: Network, externalID: String) {
        self.network = network
        self.externalID = externalID
    }
}

/// A thread a network names itself: a reply chain's root, a DM thread, a chat session, an email
/// thread. Recorded for a conversation so later messages find it without the parent.
public struct ThreadKey: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// X `conversation_id`, Bluesky root, Reddit submission, page post, Instagram media.
        case replyChain = "reply_chain"
        /// Messenger / Instagram / X direct-message thread (per customer account).
        case directMessages = "dm"
        /// Web-chat session id.
        case chatSession = "chat"
        /// Root Message-ID of an email thread.
        case emailThread = "email"
    }

    public var kind: Kind
    public var network: Network
    public var id: String

    public init(_ kind: Kind, network: Network, id: String) {
        self.kind = kind
        self.network = network
        self.id = id
    }
}

/// What the thread index knows about a conversation: enough to decide whether it can take more.
public struct ThreadedConversation: Hashable, Sendable {
    public var id: ConversationID
    public var status: ConversationStatus
    public var customerID: CustomerID?

    public init(id: ConversationID, status: ConversationStatus, customerID: CustomerID? = nil) {
        self.id = id
        self.status = status
        self.customerID = customerID
    }
}

/// Keyed look-ups the caller provides (the store, or ``InMemoryThreadIndex``).
public protocol ThreadIndex {
    /// The conversation holding the message with this network id.
    func conversation(containing message: MessageKey) -> ThreadedConversation?
    /// The most recent conversation recorded for this thread key.
    func conversation(for thread: ThreadKey) -> ThreadedConversation?
}

/// A dictionary-backed ``ThreadIndex`` for tests, demos and batch jobs.
public struct InMemoryThreadIndex: ThreadIndex, Sendable {
    public private(set) var messages: [MessageKey: ConversationID] = [:]
    public private(set) var threads: [ThreadKey: ConversationID] = [:]
    public var conversations: [ConversationID: ThreadedConversation] = [:]

    public init() {}

    /// Records what a ``ThreadingResult`` says to store (also for the agent's outgoing replies,
    /// which customers reply to).
    public mutating func record(_ result: ThreadingResult, in conversation: ThreadedConversation) {
        messages[result.messageKey] = conversation.id
        for key in result.threadKeys { threads[key] = conversation.id }
        conversations[conversation.id] = conversation
    }

    /// Records one stored message's conversation (a store loading only the keys it needs).
    public mutating func record(message: MessageKey, in conversation: ThreadedConversation) {
        messages[message] = conversation.id
        conversations[conversation.id] = conversation
    }

    /// Records one thread key's conversation.
    public mutating func record(thread: ThreadKey, in conversation: ThreadedConversation) {
        threads[thread] = conversation.id
        conversations[conversation.id] = conversation
    }

    public func conversation(containing message: MessageKey) -> ThreadedConversation? {
        messages[message].flatMap { conversations[$0] }
    }

    public func conversation(for thread: ThreadKey) -> ThreadedConversation? {
        threads[thread].flatMap { conversations[$0] }
    }
}
