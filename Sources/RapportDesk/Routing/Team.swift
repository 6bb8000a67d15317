/// How a team hands out new conversations.
public enum AssignmentStrategy: String, Hashable, Sendable, Codable, CaseIterable {
    /// Left in the team queue; agents pick.
    case manual
    /// Each eligible member in turn.
    case roundRobin = "round_robin"
    /// Members with every required skill (the message's language, products named by rules),
    /// least loaded first.
    case bySkill = "by_skill"
    /// The member with the most free capacity.
    case leastLoaded = "least_loaded"
}

/// A group of agents with a queue, a strategy, a supervisor and business hours.
public struct Team: Hashable, Sendable, Codable, Identifiable {
    public var id: TeamID
    public var name: String
    /// In rotation order.
    public var members: [AgentID]
    public var strategy: AssignmentStrategy
    /// Receives escalations and SLA alerts.
    public var supervisor: AgentID?
    public var businessHours: BusinessHours?

    public init(
        id: TeamID, name: String, members: [AgentID], strategy: AssignmentStrategy = .roundRobin,
        supervisor: AgentID? = nil, businessHours: BusinessHours? = nil
    ) {
        self.id = id
        self.name = name
        self.members = members
        self.strategy = strategy
        self.supervisor = supervisor
        self.businessHours = businessHours
    }
}
