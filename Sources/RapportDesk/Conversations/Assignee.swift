/// Who owns a conversation: a team queue, an agent, or an agent within a team.
public struct Assignee: Hashable, Sendable, Codable {
    public var team: TeamID?
    public var agent: AgentID?

    public init(team: TeamID? = nil, agent: AgentID? = nil) {
        self.team = team
        self.agent = agent
    }

    public static let nobody = Assignee()

    public var isEmpty: Bool { team == nil && agent == nil }
}
