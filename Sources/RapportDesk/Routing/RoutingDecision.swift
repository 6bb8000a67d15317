/// A value a routing rule decided, with the rule that decided it (recorded as the event's performer).
public struct Decided<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var rule: RoutingRuleID

    public init(_ value: Value, by rule: RoutingRuleID) {
        self.value = value
        self.rule = rule
    }
}

/// A requested escalation.
public struct EscalationRequest: Hashable, Sendable {
    /// Nil: the team's supervisor.
    public var to: AgentID?
    public var reason: String
    public var rule: RoutingRuleID
}

/// What the decision list concluded. Earlier rules take precedence: a later rule (reached through
/// `continueAfterMatch`) only fills in what is still undecided; tags, skills and escalations add up.
public struct RoutingDecision: Hashable, Sendable {
    public var matchedRules: [RoutingRuleID] = []
    public var team: Decided<TeamID>?
    public var agent: Decided<AgentID>?
    public var requiredSkills: Set<Skill> = []
    public var priority: Decided<Priority>?
    public var tags: [Decided<String>] = []
    public var slaPolicy: Decided<SLAPolicyID>?
    public var acknowledgement: Decided<CannedReplyID>?
    public var escalations: [EscalationRequest] = []

    public init() {}

    mutating func apply(_ action: RoutingAction, rule: RoutingRuleID) {
        switch action {
        case .assignTeam(let team): if self.team == nil { self.team = Decided(team, by: rule) }
        case .assignAgent(let agent): if self.agent == nil { self.agent = Decided(agent, by: rule) }
        case .requireSkill(let skill): requiredSkills.insert(skill)
        case .setPriority(let priority): if self.priority == nil { self.priority = Decided(priority, by: rule) }
        case .tag(let tag):
            if !tags.contains(where: { $0.value == tag }) { tags.append(Decided(tag, by: rule)) }
        case .applySLA(let policy): if slaPolicy == nil { slaPolicy = Decided(policy, by: rule) }
        case .autoAcknowledge(let reply): if acknowledgement == nil { acknowledgement = Decided(reply, by: rule) }
        case .escalate(let to, let reason): escalations.append(EscalationRequest(to: to, reason: reason, rule: rule))
        }
    }
}
