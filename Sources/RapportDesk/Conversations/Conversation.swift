import Foundation

/// One customer's exchange with the brand in one channel, threaded from mentions and replies.
///
/// A value: ``ConversationMachine`` turns it and a ``ConversationCommand`` into the next value and
/// the ``ConversationEvent``s to record. The messages themselves live with the mentions; the
/// conversation keeps only what the desk decides on.
public struct Conversation: Hashable, Sendable, Codable, Identifiable {
    public var id: ConversationID
    public var channel: Channel
    public var customerID: CustomerID
    public var status: ConversationStatus
    public var priority: Priority
    public var assignee: Assignee
    /// Sorted and unique.
    public private(set) var tags: [String]
    public var sla: SLAState?
    public var createdAt: Date
    public var updatedAt: Date
    public var messageCount: Int
    public var lastCustomerMessageAt: Date?
    public var firstResponseAt: Date?
    public var lastAgentReplyAt: Date?
    public var resolvedAt: Date?
    /// Set when an escalation (rule, agent or SLA) went to a supervisor; cleared on resolution.
    public var escalatedTo: AgentID?
    /// Set on a conversation merged into another; it is then closed.
    public var mergedInto: ConversationID?

    public init(
        id: ConversationID, channel: Channel, customerID: CustomerID, status: ConversationStatus = .new,
        priority: Priority = .normal, assignee: Assignee = .nobody, tags: [String] = [], sla: SLAState? = nil,
        createdAt: Date, updatedAt: Date? = nil, messageCount: Int = 0, lastCustomerMessageAt: Date? = nil,
        firstResponseAt: Date? = nil, lastAgentReplyAt: Date? = nil, resolvedAt: Date? = nil,
        escalatedTo: AgentID? = nil, mergedInto: ConversationID? = nil
    ) {
        self.id = id
        self.channel = channel
        self.customerID = customerID
        self.status = status
        self.priority = priority
        self.assignee = assignee
        self.tags = Self.normalised(tags)
        self.sla = sla
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.messageCount = messageCount
        self.lastCustomerMessageAt = lastCustomerMessageAt
        self.firstResponseAt = firstResponseAt
        self.lastAgentReplyAt = lastAgentReplyAt
        self.resolvedAt = resolvedAt
        self.escalatedTo = escalatedTo
        self.mergedInto = mergedInto
    }

    /// Tags are case-insensitive labels: trimmed and lowercased.
    public static func normaliseTag(_ tag: String) -> String {
        tag.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func normalised(_ tags: [String]) -> [String] {
        Array(Set(tags.map(normaliseTag).filter { !$0.isEmpty })).sorted()
    }

    /// Returns false when the tag was already there.
    mutating func addTag(_ tag: String) -> Bool {
        let tag = Self.normaliseTag(tag)
        guard !tag.isEmpty, !tags.contains(tag) else { return false }
        tags = (tags + [tag]).sorted()
        return true
    }

    mutating func removeTag(_ tag: String) -> Bool {
        let tag = Self.normaliseTag(tag)
        guard let index = tags.firstIndex(of: tag) else { return false }
        tags.remove(at: index)
        return true
    }
}
