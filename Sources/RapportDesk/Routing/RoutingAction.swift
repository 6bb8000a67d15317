/// What a matching routing rule does.
public enum RoutingAction: Hashable, Sendable, Codable {
    case assignTeam(TeamID)
    /// A named agent (an account owner); while they are away the team's strategy applies instead.
    case assignAgent(AgentID)
    /// Adds a skill the assigned agent must have (language skills come from the message).
    case requireSkill(Skill)
    case setPriority(Priority)
    case tag(String)
    case applySLA(SLAPolicyID)
    /// Send this canned reply at once as an acknowledgement.
    case autoAcknowledge(CannedReplyID)
    /// Alert a supervisor (the team's when nil).
    case escalate(to: AgentID?, reason: String)
}
