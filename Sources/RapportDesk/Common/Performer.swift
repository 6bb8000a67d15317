/// Who caused a change: recorded on every ``ConversationEvent`` and ``CustomerEvent``.
public enum Performer: Hashable, Sendable, Codable {
    case customer(CustomerID)
    case agent(AgentID)
    /// A routing rule acting automatically.
    case rule(RoutingRuleID)
    /// Rapport itself (SLA clocks, threading, automatic identity links).
    case system
}
