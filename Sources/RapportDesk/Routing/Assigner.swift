/// What assignment produced.
public enum AssignmentOutcome: Hashable, Sendable {
    case agent(AgentID, team: TeamID?)
    /// Left in the team queue, with the reason (manual team, nobody eligible…).
    case queued(TeamID, reason: QueueReason)
    /// No team and no agent named.
    case unrouted

    public enum QueueReason: Hashable, Sendable {
        case manualTeam
        /// Every member is away or at capacity.
        case noAvailableAgent
        /// Available members lack a required skill.
        case missingSkills(Set<Skill>)
        /// The agent a rule named is away.
        case agentAway(AgentID)
    }

    public var assignee: Assignee {
        switch self {
        case .agent(let agent, let team): Assignee(team: team, agent: agent)
        case .queued(let team, _): Assignee(team: team)
        case .unrouted: .nobody
        }
    }
}

/// Picks an agent within a team, by the team's strategy. Pure: agents' state and the round-robin
/// pointer come in, the choice and the next pointer go out.
public enum Assigner {
    public static func assign(
        in team: Team, requiredSkills: Set<Skill>, agents: [AgentID: Agent], roundRobin: RoundRobinState
    ) -> (outcome: AssignmentOutcome, roundRobin: RoundRobinState) {
        let members = team.members.compactMap { agents[$0] }
        let available = members.filter(\.canTakeMore)
        guard team.strategy != .manual else { return (.queued(team.id, reason: .manualTeam), roundRobin) }
        guard !available.isEmpty else { return (.queued(team.id, reason: .noAvailableAgent), roundRobin) }

        // Rotation order starting after the last agent served, so ties are broken fairly too.
        let rotation = rotated(available, after: roundRobin.lastAssigned[team.id], order: team.members)
        let chosen: Agent?
        switch team.strategy {
        case .manual:
            chosen = nil
        case .roundRobin:
            chosen = rotation.first
        case .leastLoaded:
            chosen = leastLoaded(rotation)
        case .bySkill:
            let skilled = rotation.filter { requiredSkills.isSubset(of: $0.skills) }
            guard !skilled.isEmpty else {
                return (.queued(team.id, reason: .missingSkills(requiredSkills)), roundRobin)
            }
            chosen = leastLoaded(skilled)
        }
        guard let agent = chosen else { return (.queued(team.id, reason: .noAvailableAgent), roundRobin) }
        var next = roundRobin
        next.lastAssigned[team.id] = agent.id
        return (.agent(agent.id, team: team.id), next)
    }

    /// The first of the least loaded, so equal loads rotate.
    private static func leastLoaded(_ agents: [Agent]) -> Agent? {
        var best: Agent?
        for agent in agents where best == nil || agent.load < best!.load { best = agent }
        return best
    }

    private static func rotated(_ agents: [Agent], after last: AgentID?, order: [AgentID]) -> [Agent] {
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = agents.sorted { position[$0.id, default: .max] < position[$1.id, default: .max] }
        guard let last, let lastPosition = position[last] else { return sorted }
        let after = sorted.filter { position[$0.id, default: .max] > lastPosition }
        let before = sorted.filter { position[$0.id, default: .max] <= lastPosition }
        return after + before
    }
}
