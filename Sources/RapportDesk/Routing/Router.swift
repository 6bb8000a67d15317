/// Routing's full answer for one new conversation.
public struct RoutingOutcome: Hashable, Sendable {
    public var decision: RoutingDecision
    public var assignment: AssignmentOutcome
    /// Store this for the next call.
    public var roundRobin: RoundRobinState
    /// Escalations with their supervisor resolved (dropped when nobody can receive them).
    public var escalations: [Escalation]

    /// The commands that carry the outcome onto the conversation, attributed to the deciding rules.
    /// `policy` looks up SLA policies by id (an unknown id is skipped).
    public func commands(policy: (SLAPolicyID) -> SLAPolicy?) -> [ConversationCommand] {
        var commands: [ConversationCommand] = []
        if let priority = decision.priority {
            commands.append(.setPriority(priority.value, by: .rule(priority.rule)))
        }
        for tag in decision.tags { commands.append(.tag(tag.value, by: .rule(tag.rule))) }
        let assignee = assignment.assignee
        if !assignee.isEmpty, let rule = decision.agent?.rule ?? decision.team?.rule {
            commands.append(.assign(assignee, by: .rule(rule)))
        }
        // After the priority, so the policy's targets are picked for the new one.
        if let sla = decision.slaPolicy, let found = policy(sla.value) {
            commands.append(.applySLA(found, by: .rule(sla.rule)))
        }
        for escalation in escalations {
            commands.append(.escalate(to: escalation.to, reason: escalation.reason, by: .rule(escalation.rule)))
        }
        return commands
    }
}

/// An escalation addressed to a supervisor.
public struct Escalation: Hashable, Sendable {
    public var to: AgentID
    public var reason: String
    public var rule: RoutingRuleID
}

/// Runs the routing decision list and assignment.
public enum Router {
    /// Evaluates rules in order: the first match wins unless it says to continue.
    public static func decide(_ subject: RoutingSubject, rules: [RoutingRule]) -> RoutingDecision {
        var decision = RoutingDecision()
        for rule in rules where rule.matches(subject) {
            decision.matchedRules.append(rule.id)
            for action in rule.actions { decision.apply(action, rule: rule.id) }
            if !rule.continueAfterMatch { break }
        }
        return decision
    }

    /// Decides and assigns. An agent a rule names gets the conversation unless away (then the
    /// team's strategy applies); a team's strategy picks among members who are present and under
    /// capacity; by-skill teams also require the message's language.
    ///
    /// `channelTeam` is the channel's default team: it takes conversations no rule gave a team or
    /// an agent (recorded as rule 0, ``RoutingRuleID/channelDefault``).
    public static func route(
        _ subject: RoutingSubject, rules: [RoutingRule], teams: [TeamID: Team], agents: [AgentID: Agent],
        roundRobin: RoundRobinState, channelTeam: TeamID? = nil
    ) -> RoutingOutcome {
        var decision = decide(subject, rules: rules)
        if decision.team == nil, decision.agent == nil, let channelTeam {
            decision.team = Decided(channelTeam, by: .channelDefault)
        }
        let team = decision.team.flatMap { teams[$0.value] }
        var assignment = AssignmentOutcome.unrouted
        var nextRoundRobin = roundRobin

        if let named = decision.agent?.value, let agent = agents[named], !agent.isAway {
            assignment = .agent(named, team: team?.id)
        } else if let team {
            var skills = decision.requiredSkills
            if team.strategy == .bySkill, let language = subject.language { skills.insert(.language(language)) }
            (assignment, nextRoundRobin) = Assigner.assign(
                in: team, requiredSkills: skills, agents: agents, roundRobin: roundRobin)
            if let named = decision.agent?.value, case .queued(let id, _) = assignment {
                assignment = .queued(id, reason: .agentAway(named))
            }
        }

        let escalations = decision.escalations.compactMap { request -> Escalation? in
            guard let to = request.to ?? team?.supervisor else { return nil }
            return Escalation(to: to, reason: request.reason, rule: request.rule)
        }
        return RoutingOutcome(
            decision: decision, assignment: assignment, roundRobin: nextRoundRobin, escalations: escalations)
    }
}

extension RoutingRuleID {
    /// The channel's default team, standing in for a rule in the history.
    public static let channelDefault: RoutingRuleID = 0
}
