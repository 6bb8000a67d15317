/// One entry of the ordered routing decision list.
public struct RoutingRule: Hashable, Sendable, Codable, Identifiable {
    public var id: RoutingRuleID
    public var name: String
    /// All must hold; an empty list matches everything (a catch-all at the end).
    public var conditions: [RoutingCondition]
    public var actions: [RoutingAction]
    /// Keep evaluating later rules after this one matched (for tagging rules, say).
    public var continueAfterMatch: Bool
    public var enabled: Bool

    public init(
        id: RoutingRuleID, name: String, conditions: [RoutingCondition], actions: [RoutingAction],
        continueAfterMatch: Bool = false, enabled: Bool = true
    ) {
        self.id = id
        self.name = name
        self.conditions = conditions
        self.actions = actions
        self.continueAfterMatch = continueAfterMatch
        self.enabled = enabled
    }

    public func matches(_ subject: RoutingSubject) -> Bool {
        enabled && conditions.allSatisfy { $0.matches(subject) }
    }
}
