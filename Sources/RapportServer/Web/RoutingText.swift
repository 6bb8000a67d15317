import RapportAnalysis
import RapportCore
import RapportDesk

/// Routing rules in words, for the admin page.
enum RoutingText {
    static func conditions(_ rule: RoutingRule, teams: [TeamID: String]) -> String {
        rule.conditions.isEmpty ? "every conversation" : rule.conditions.map(describe).joined(separator: " and ")
    }

    static func actions(
        _ rule: RoutingRule, teams: [TeamID: String], users: [Int64: String], policies: [SLAPolicyID: String]
    )
        -> String
    {
        rule.actions.map { action in
            switch action {
            case .assignTeam(let id): "assign to team \(teams[id] ?? "#\(id)")"
            case .assignAgent(let id): "assign to \(users[id.rawValue] ?? "#\(id)")"
            case .requireSkill(let skill): "require skill \(skill)"
            case .setPriority(let priority): "priority \(priority.rawValue)"
            case .tag(let tag): "tag #\(tag)"
            case .applySLA(let id): "SLA \(policies[id] ?? "#\(id)")"
            case .autoAcknowledge(let id): "auto-acknowledge with canned reply #\(id)"
            case .escalate(let to, let reason):
                "escalate to \(to.map { users[$0.rawValue] ?? "#\($0)" } ?? "the team's supervisor") (\(reason))"
            }
        }.joined(separator: ", ") + (rule.continueAfterMatch ? "; then keep going" : "")
    }

    private static func describe(_ condition: RoutingCondition) -> String {
        switch condition {
        case .network(let set): "network is " + set.map(\.rawValue).sorted().joined(separator: " or ")
        case .channelKind(let set): "channel is " + set.map(\.rawValue).sorted().joined(separator: " or ")
        case .listeningRule(let ids): "listening rule " + ids.sorted().map(String.init).joined(separator: " or ")
        case .language(let set): "language is " + set.sorted().joined(separator: " or ")
        case .intent(let names, let minimum):
            "intent " + names.map(\.rawValue).sorted().joined(separator: " or ") + " (≥ \(minimum))"
        case .level(let level): "level at least \(level.rawValue)"
        case .sentiment(let label): "sentiment \(label.rawValue)"
        case .influence(let range): "influence \(range.lowerBound)–\(range.upperBound)"
        case .customerFact(let key, let predicate): "customer \(key) \(predicate)"
        case .keywords(let words): "mentions " + words.map { "“\($0)”" }.joined(separator: " or ")
        case .any(let list): "(" + list.map(describe).joined(separator: " or ") + ")"
        case .not(let inner): "not " + describe(inner)
        }
    }
}
