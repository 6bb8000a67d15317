import Foundation

/// What moves when a conversation is split: counted and dated by the store from the messages.
public struct SplitPart: Hashable, Sendable {
    /// Messages moving to the new conversation (customer messages, replies and notes).
    public var movedMessages: Int
    /// The latest customer message among those moving, and among those staying.
    public var lastCustomerMessageMoving: Date?
    public var lastCustomerMessageStaying: Date?

    public init(movedMessages: Int, lastCustomerMessageMoving: Date?, lastCustomerMessageStaying: Date?) {
        self.movedMessages = movedMessages
        self.lastCustomerMessageMoving = lastCustomerMessageMoving
        self.lastCustomerMessageStaying = lastCustomerMessageStaying
    }
}

extension ConversationMachine {
    /// Splits the later part of `source` into a new conversation `newID` (a second topic the
    /// customer raised in the same thread). The new conversation has the same customer, channel,
    /// owner, priority and tags, starts open and unanswered, and both record the split. The caller
    /// moves the messages and applies an SLA policy to the new one.
    public static func split(
        _ source: Conversation, into newID: ConversationID, part: SplitPart, by: Performer, at date: Date
    ) throws(ConversationError) -> (source: ConversationTransition, split: ConversationTransition) {
        guard source.status != .closed else { throw .closed(source.id) }
        guard part.movedMessages > 0 else { throw .invalidSplit(source.id, reason: "no message to move") }
        guard part.movedMessages < source.messageCount else {
            throw .invalidSplit(source.id, reason: "the first message stays; choose a later one")
        }
        var from = Step(conversation: source, at: date)
        from.conversation.messageCount -= part.movedMessages
        from.conversation.lastCustomerMessageAt = part.lastCustomerMessageStaying
        from.record(.splitInto(newID, messages: part.movedMessages), by: by)

        var opened = Conversation(
            id: newID, channel: source.channel, customerID: source.customerID, status: .open,
            priority: source.priority, assignee: source.assignee, tags: source.tags, createdAt: date,
            messageCount: part.movedMessages, lastCustomerMessageAt: part.lastCustomerMessageMoving)
        opened.updatedAt = date
        let into = ConversationTransition(
            conversation: opened,
            events: [
                ConversationEvent(conversationID: newID, at: date, by: by, change: .created(source.channel)),
                ConversationEvent(
                    conversationID: newID, at: date, by: by, change: .splitFrom(source.id, messages: part.movedMessages)
                ),
            ])
        return (from.transition, into)
    }
}
