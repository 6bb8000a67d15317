/// A person who answers customers, as routing sees them right now.
public struct Agent: Hashable, Sendable, Codable, Identifiable {
    public var id: AgentID
    public var name: String
    public var skills: Set<Skill>
    /// Active conversations the agent can hold at once.
    public var capacity: Int
    /// Active conversations assigned now (the caller counts them).
    public var openCount: Int
    /// Away agents get nothing new; what they hold stays theirs.
    public var isAway: Bool

    public init(
        id: AgentID, name: String, skills: Set<Skill> = [], capacity: Int = 10, openCount: Int = 0,
        isAway: Bool = false
    ) {
        self.id = id
        self.name = name
        self.skills = skills
        self.capacity = capacity
        self.openCount = openCount
        self.isAway = isAway
    }

    /// Present and below capacity.
    public var canTakeMore: Bool { !isAway && openCount < capacity }

    /// Share of capacity in use (1 when capacity is 0).
    public var load: Double { capacity > 0 ? Double(openCount) / Double(capacity) : 1 }
}
