/// Which evidence tied a message to a conversation.
public enum ThreadEvidence: Hashable, Sendable {
    /// The message it replies to (parent post, email In-Reply-To) is in the conversation.
    case parentMessage(MessageKey)
    /// An email `References` id is in the conversation.
    case emailReference(String)
    /// The network's thread id (reply-chain root, DM thread, chat session, email root) is recorded.
    case thread(ThreadKey)
}

/// Where a new message goes.
public enum ThreadingDecision: Hashable, Sendable {
    /// Add to this conversation (``ConversationCommand/customerMessage(_:)``; reopens a resolved one).
    case existing(ConversationID, evidence: ThreadEvidence)
    /// Start a conversation. `previous` is the closed conversation the message belongs to, to link
    /// the new one to its history.
    case startNew(previous: ConversationID?)
}

/// The decision and the keys the caller stores for the conversation the message ends in, so that
/// later replies find it.
public struct ThreadingResult: Hashable, Sendable {
    public var decision: ThreadingDecision
    public var messageKey: MessageKey
    public var threadKeys: [ThreadKey]

    public init(decision: ThreadingDecision, messageKey: MessageKey, threadKeys: [ThreadKey]) {
        self.decision = decision
        self.messageKey = messageKey
        self.threadKeys = threadKeys
    }
}
