import Foundation
import RapportCore
import RapportDesk
import SQLKit

/// Everything routing needs, read once per intake batch: rules in order, teams, agents with
/// their current load, SLA policies and the round-robin position.
struct DeskDirectory: Sendable {
    var rules: [RoutingRule]
    var teams: [TeamID: Team]
    var agents: [AgentID: Agent]
    var policies: [SLAPolicyID: SLAPolicy]
    var roundRobin: RoundRobinState
    /// Channels' default teams.
    var channelTeams: [Network: TeamID] = [:]

    static let roundRobinSetting = "round_robin"

    static func load(_ db: any SQLDatabase) async throws -> DeskDirectory {
        let rules = try await db.raw("SELECT id, definition FROM routing_rules ORDER BY position, id").all().map {
            row in
            var rule = try DeskCoding.decode(RoutingRule.self, try row.decode(column: "definition", as: String.self))
            rule.id = RoutingRuleID(try row.decode(column: "id", as: Int64.self))
            return rule
        }
        var members: [Int64: [AgentID]] = [:]
        for row in try await db.raw("SELECT team_id, user_id FROM team_members ORDER BY user_id").all() {
            members[try row.decode(column: "team_id", as: Int64.self), default: []].append(
                AgentID(try row.decode(column: "user_id", as: Int64.self)))
        }
        var teams: [TeamID: Team] = [:]
        for row in try await db.raw("SELECT * FROM teams").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            teams[TeamID(id)] = Team(
                id: TeamID(id), name: try row.decode(column: "name", as: String.self), members: members[id] ?? [],
                strategy: AssignmentStrategy(rawValue: try row.decode(column: "strategy", as: String.self))
                    ?? .roundRobin,
                supervisor: try row.decode(column: "supervisor_id", as: Int64?.self).map { AgentID($0) },
                businessHours: try row.decode(column: "business_hours", as: String?.self).flatMap {
                    try? DeskCoding.decode(BusinessHours.self, $0)
                })
        }
        var agents: [AgentID: Agent] = [:]
        let active = ConversationStatus.allCases.filter(\.isActive).map { "'\($0.rawValue)'" }.joined(separator: ",")
        for row in try await db.raw(
            SQLQueryString(
                """
                SELECT u.*, (SELECT count(*) FROM conversations c WHERE c.assignee_id = u.id
                    AND c.status IN (\(active))) AS open_count
                FROM users u WHERE u.disabled = 0 AND u.role <> 'analyst'
                """)
        ).all() {
            let user = try UserStore.decode(row)
            let skills = Set(user.skills.compactMap(Self.skill))
            agents[AgentID(user.id)] = Agent(
                id: AgentID(user.id), name: user.name, skills: skills, capacity: user.capacity,
                openCount: try row.decode(column: "open_count", as: Int.self), isAway: user.isAway)
        }
        let policies = try await slaPolicies(db)
        let roundRobin =
            try await db.raw("SELECT value FROM desk_settings WHERE name = \(bind: roundRobinSetting)").first()
            .map { try DeskCoding.decode(RoundRobinState.self, try $0.decode(column: "value", as: String.self)) }
            ?? RoundRobinState()
        let channelTeams = try await ChannelStore.stored(db).compactMapValues { setting in
            setting.defaultTeamID.map { TeamID($0) }
        }
        return DeskDirectory(
            rules: rules, teams: teams, agents: agents, policies: policies, roundRobin: roundRobin,
            channelTeams: channelTeams)
    }

    /// Every SLA policy by id (routing, and a split conversation keeping its policy).
    static func slaPolicies(_ db: any SQLDatabase) async throws -> [SLAPolicyID: SLAPolicy] {
        var policies: [SLAPolicyID: SLAPolicy] = [:]
        for row in try await db.raw("SELECT id, definition FROM sla_policies").all() {
            var policy = try DeskCoding.decode(SLAPolicy.self, try row.decode(column: "definition", as: String.self))
            policy.id = SLAPolicyID(try row.decode(column: "id", as: Int64.self))
            policies[policy.id] = policy
        }
        return policies
    }

    func saveRoundRobin(_ db: any SQLDatabase) async throws {
        let value = try DeskCoding.encode(roundRobin)
        try await db.raw(
            """
            INSERT INTO desk_settings (name, value) VALUES (\(bind: Self.roundRobinSetting), \(bind: value))
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """
        ).run()
    }

    /// `language:es`, `product:billing`, anything else as `other`.
    static func skill(_ text: String) -> Skill? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let first = parts.first, !first.isEmpty else { return nil }
        guard parts.count == 2 else { return Skill(.other, first) }
        return Skill(Skill.Kind(rawValue: parts[0]) ?? .other, parts[1])
    }
}
