import Foundation
import RapportAnalysis
import RapportCore
import RapportDesk
import RapportStore

/// Desk settings: teams (members, hours), people (skills, capacity, presence), routing rules,
/// SLA policies and canned replies.
struct AdminDeskPage: Sendable, Equatable {
    struct Choice: Sendable, Equatable {
        var id: Int64
        var name: String
        var checked: Bool
    }

    struct Day: Sendable, Equatable {
        var value: Int
        var name: String
        var checked: Bool
    }

    struct TeamRow: Sendable, Equatable {
        var id: Int64
        var name: String
        var strategy: String
        var supervisor: String
        var members: String
        var memberChoices: [Choice]
        /// The hours editor's values (defaults when the team works around the clock).
        var alwaysOpen: Bool
        var timeZone: String
        var open: String
        var close: String
        var days: [Day]
        var holidays: String
        var hoursText: String
    }

    struct Person: Sendable, Equatable {
        var id: Int64
        var name: String
        var skills: String
        var capacity: Int
        var isAway: Bool
    }

    struct Rule: Sendable, Equatable {
        var id: Int64
        var name: String
        var conditions: String
        var actions: String
    }

    struct Policy: Sendable, Equatable {
        var id: Int64
        var name: String
        var targets: String
    }

    struct Canned: Sendable, Equatable {
        var id: Int64
        var title: String
        var body: String
    }

    /// Team scope's switch: what applies and where it comes from.
    struct TeamScope: Sendable, Equatable {
        struct Option: Sendable, Equatable {
            var value: String
            var label: String
            var selected: Bool
        }
        var enabled: Bool
        var source: String
        var options: [Option]

        init(_ state: DeskActions.TeamScopeState) {
            enabled = state.enabled
            source = state.setting == nil ? "RAPPORT_TEAM_SCOPE" : "an administrator's setting"
            let chosen = state.setting.map { $0 ? "on" : "off" } ?? "environment"
            options = [
                ("environment", "Follow RAPPORT_TEAM_SCOPE (\(state.environment ? "on" : "off"))"),
                ("on", "On: agents and supervisors see their teams' conversations only"),
                ("off", "Off: everyone sees every conversation"),
            ].map { Option(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        }
    }

    /// Retention: what the environment sets, the stored overrides, and what applies.
    struct Retention: Sendable, Equatable {
        var publicMentionDays: String
        var auditDays: String
        var effectivePublic: String
        var effectiveAudit: String
        var environmentPublic: String
        var environmentAudit: String

        init(environment: RetentionPolicy = RetentionPolicy(), overrides: RetentionPolicy = RetentionPolicy()) {
            func text(_ days: Int?) -> String { days.map { $0 == 0 ? "forever" : "\($0) days" } ?? "forever" }
            let effective = environment.overridden(by: overrides)
            publicMentionDays = overrides.publicMentionDays.map(String.init) ?? ""
            auditDays = overrides.auditDays.map(String.init) ?? ""
            effectivePublic = text(effective.publicMentionDays)
            effectiveAudit = text(effective.auditDays)
            environmentPublic = text(environment.publicMentionDays)
            environmentAudit = text(environment.auditDays)
        }
    }

    var chrome: PageChrome
    var teamScope: TeamScope
    var retention = Retention()
    var teams: [TeamRow]
    var people: [Person]
    var strategies: [String]
    var rules: [Rule]
    var networks: [String]
    var intents: [String]
    var policies: [Policy]
    var canned: [Canned]

    static func make(
        chrome: PageChrome, users: [User], teams: [Team], rules: [RoutingRule], policies: [SLAPolicy],
        canned: [(id: Int64, title: String, body: String)], teamScope: DeskActions.TeamScopeState
    ) -> AdminDeskPage {
        let names = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let teamNames = Dictionary(teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let policyNames = Dictionary(policies.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let staff = users.filter { $0.role != .analyst && !$0.disabled }
        return AdminDeskPage(
            chrome: chrome, teamScope: TeamScope(teamScope),
            teams: teams.map { team in
                teamRow(team, names: names, staff: staff)
            },
            people: staff.map {
                Person(
                    id: $0.id, name: $0.name, skills: $0.skills.joined(separator: ", "), capacity: $0.capacity,
                    isAway: $0.isAway)
            },
            strategies: AssignmentStrategy.allCases.map(\.rawValue),
            rules: rules.map { rule in
                Rule(
                    id: rule.id.rawValue, name: rule.name, conditions: RoutingText.conditions(rule, teams: teamNames),
                    actions: RoutingText.actions(rule, teams: teamNames, users: names, policies: policyNames))
            },
            networks: Network.allCases.map(\.rawValue), intents: Intent.Name.allCases.map(\.rawValue),
            policies: policies.map { Policy(id: $0.id.rawValue, name: $0.name, targets: targetsText($0)) },
            canned: canned.map { Canned(id: $0.id, title: $0.title, body: $0.body) })
    }

    static func teamRow(_ team: Team, names: [Int64: String], staff: [User]) -> TeamRow {
        let hours = team.businessHours
        let window = hours?.weekly.values.first?.first
        let open = Set(hours?.weekly.keys.map(\.rawValue) ?? Weekday.workdays.map(\.rawValue))
        return TeamRow(
            id: team.id.rawValue, name: team.name, strategy: team.strategy.rawValue,
            supervisor: team.supervisor.map { names[$0.rawValue] ?? "#\($0)" } ?? "—",
            members: team.members.map { names[$0.rawValue] ?? "#\($0)" }.joined(separator: ", "),
            memberChoices: staff.map {
                Choice(id: $0.id, name: $0.name, checked: team.members.contains(AgentID($0.id)))
            },
            alwaysOpen: hours == nil, timeZone: hours?.timeZoneIdentifier ?? "UTC",
            open: HoursView.clock(window?.startMinute ?? 9 * 60), close: HoursView.clock(window?.endMinute ?? 17 * 60),
            days: Weekday.allCases.map {
                Day(value: $0.rawValue, name: HoursView.dayNames[$0.rawValue - 1], checked: open.contains($0.rawValue))
            },
            holidays: (hours?.holidays.sorted() ?? []).map(\.description).joined(separator: ", "),
            hoursText: HoursView.summary(hours))
    }

    /// "default: first response 1 h 0 min, resolution 1 d 0 h; urgent: first response 15 min (24/7)".
    static func targetsText(_ policy: SLAPolicy) -> String {
        policy.targets.map { t in
            let scope = [t.priority?.rawValue, t.network?.rawValue].compactMap { $0 }.joined(separator: "/")
            let times = [
                t.firstResponse.map { "first response \(ViewFormat.duration($0))" },
                t.resolution.map { "resolution \(ViewFormat.duration($0))" },
            ].compactMap { $0 }
            return (scope.isEmpty ? "default" : scope) + ": " + times.joined(separator: ", ")
        }.joined(separator: "; ") + (policy.usesBusinessHours ? " (business hours)" : " (24/7)")
    }
}

/// Listening rules (admins), with the last form's error and what was typed.
struct ListeningRulesPage: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var id: Int64
        var name: String
        var brand: String
        var query: String
        var isCompetitor: Bool
    }

    struct Form: Sendable, Equatable {
        var name = ""
        var brand = ""
        var query = ""
    }

    var chrome: PageChrome
    var rules: [Rule]
    var error: String?
    var form: Form
}
