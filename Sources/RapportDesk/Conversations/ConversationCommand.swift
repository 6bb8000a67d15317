/// Something that happens to a conversation; ``ConversationMachine`` decides what it changes.
public enum ConversationCommand: Hashable, Sendable {
    /// A message from the customer was threaded into the conversation.
    case customerMessage(MessageID)
    /// An agent's reply was accepted for sending.
    case agentReply(MessageID, by: AgentID)
    case note(Note)
    /// Replaces the assignee (``Assignee/nobody`` unassigns).
    case assign(Assignee, by: Performer)
    case setStatus(ConversationStatus, by: Performer)
    /// Re-send ``applySLA(_:by:)`` afterwards when targets depend on priority.
    case setPriority(Priority, by: Performer)
    case tag(String, by: Performer)
    case untag(String, by: Performer)
    /// Starts (or retargets) the SLA clocks. Clocks keep their start and pauses when re-applied.
    case applySLA(SLAPolicy, by: Performer)
    /// Hands the conversation to a supervisor's attention.
    case escalate(to: AgentID, reason: String, by: Performer)
}
