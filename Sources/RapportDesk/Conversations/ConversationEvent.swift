import Foundation

/// One line of a conversation's history: who did what, when.
public struct ConversationEvent: Hashable, Sendable, Codable {
    public enum Change: Hashable, Sendable, Codable {
        case created(Channel)
        case customerMessage(MessageID)
        /// `first` is true for the reply that met the first-response goal.
        case agentReply(MessageID, first: Bool)
        case note(Note)
        case statusChanged(from: ConversationStatus, to: ConversationStatus)
        /// A customer message brought a resolved conversation back.
        case reopened
        case assigned(from: Assignee, to: Assignee)
        case priorityChanged(from: Priority, to: Priority)
        case tagged(String)
        case untagged(String)
        case slaApplied(SLAPolicyID)
        case slaPaused
        case slaResumed
        case slaNearBreach(SLAMetric, dueAt: Date?, supervisor: AgentID?)
        case slaBreached(SLAMetric, dueAt: Date?, supervisor: AgentID?)
        case escalated(to: AgentID, reason: String)
        /// This conversation was merged into another.
        case mergedInto(ConversationID)
        /// Another conversation was merged into this one.
        case absorbed(ConversationID)
        /// Messages from this conversation moved into a new one.
        case splitInto(ConversationID, messages: Int)
        /// This conversation was opened by splitting another.
        case splitFrom(ConversationID, messages: Int)
    }

    public var conversationID: ConversationID
    public var at: Date
    public var by: Performer
    public var change: Change

    public init(conversationID: ConversationID, at: Date, by: Performer, change: Change) {
        self.conversationID = conversationID
        self.at = at
        self.by = by
        self.change = change
    }
}

/// The result of applying a command: the conversation to store and the events to append.
public struct ConversationTransition: Hashable, Sendable {
    public var conversation: Conversation
    public var events: [ConversationEvent]

    public init(conversation: Conversation, events: [ConversationEvent]) {
        self.conversation = conversation
        self.events = events
    }
}
