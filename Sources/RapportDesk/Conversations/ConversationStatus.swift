/// Where a conversation is in its life: new → open → pending → resolved → closed.
public enum ConversationStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Arrived, nobody has acted on it yet.
    case new
    /// An agent is on it.
    case open
    /// Waiting on the customer; SLA clocks pause.
    case pending
    /// Done; a new customer message reopens it.
    case resolved
    /// Archived for good; new messages start a new conversation.
    case closed

    /// Status changes an agent (or rule) may ask for; everything else is an illegal transition.
    /// Reopening on a customer message is automatic and not listed here.
    public var allowedTargets: Set<ConversationStatus> {
        switch self {
        case .new: [.open, .pending, .resolved]
        case .open: [.pending, .resolved]
        case .pending: [.open, .resolved]
        case .resolved: [.open, .closed]
        case .closed: []
        }
    }

    /// Counts against an agent's capacity and shows in working queues.
    public var isActive: Bool { self == .new || self == .open || self == .pending }
}
