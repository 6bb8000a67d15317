import Foundation
import RapportDesk
import RapportStore

/// Desk settings: routing rules (an ordered decision list), SLA policies and canned replies.
/// Admins change routing and SLAs; supervisors manage canned replies.
extension DeskActions {
    /// Appends a routing rule after checking that the teams, agents, SLA policies and canned
    /// replies it names exist.
    func addRoutingRule(_ rule: RoutingRule, by user: User) async throws -> RoutingRule {
        try Self.require(.admin, user)
        var rule = rule
        rule.name = try Self.name(rule.name, code: "invalid_name", what: "a routing rule")
        guard !rule.actions.isEmpty else {
            throw DeskError.invalid("invalid_rule", field: "actions", "a routing rule needs at least one action")
        }
        try await checkReferences(rule)
        return try await desk.settings.addRoutingRule(rule, by: user.id)
    }

    /// Deletes a routing rule; a missing one is `not_found`.
    func deleteRoutingRule(_ id: Int64, by user: User) async throws {
        try Self.require(.admin, user)
        guard try await desk.settings.deleteRoutingRule(id: id, by: user.id) else {
            throw DeskError.notFound("routing rule", id)
        }
    }

    /// Adds an SLA policy: a name and positive targets.
    func addSLAPolicy(_ policy: SLAPolicy, by user: User) async throws -> SLAPolicy {
        try Self.require(.admin, user)
        guard !policy.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DeskError.invalid("invalid_policy", field: "name", "an SLA policy needs a name")
        }
        guard !policy.targets.isEmpty,
            policy.targets.allSatisfy({ t in [t.firstResponse, t.resolution].allSatisfy { ($0 ?? 1) > 0 } })
        else { throw DeskError.invalid("invalid_policy", field: "targets", "SLA targets must be positive") }
        do {
            return try await desk.settings.addSLAPolicy(policy, by: user.id)
        } catch StoreError.conflict(let message) {
            throw DeskError.conflict("duplicate_policy", message)
        }
    }

    /// Stores a canned reply after checking its template's variables. Returns its id.
    func addCannedReply(title: String, body: String, by user: User) async throws -> Int64 {
        try Self.require(.supervisor, user)
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DeskError.invalid("invalid_canned_reply", field: "title", "a canned reply needs a title")
        }
        guard !body.isEmpty, body.count <= 5_000 else {
            throw DeskError.invalid(
                "invalid_canned_reply", field: "body", "a canned reply needs a body (≤ 5,000 characters)")
        }
        do {
            try TemplateRenderer.validate(body)
        } catch {
            throw DeskError.invalid("invalid_template", field: "body", "\(error)")
        }
        do {
            return try await desk.settings.addCannedReply(title: title, body: body, by: user.id)
        } catch StoreError.conflict(let message) {
            throw DeskError.conflict("duplicate_canned_reply", message)
        }
    }

    /// Deletes a canned reply; a missing one is `not_found`.
    func deleteCannedReply(_ id: Int64, by user: User) async throws {
        try Self.require(.supervisor, user)
        guard try await desk.settings.deleteCannedReply(id: id, by: user.id) else {
            throw DeskError.notFound("canned reply", id)
        }
    }

    /// Teams, agents, SLA policies and canned replies a rule names must exist.
    private func checkReferences(_ rule: RoutingRule) async throws {
        let teams = Set(try await desk.teams.all().map(\.id))
        let users = Set(try await desk.users.all().map { AgentID($0.id) })
        let policies = Set(try await desk.settings.slaPolicies().map(\.id))
        let replies = Set(try await desk.settings.cannedReplies().map(\.id))
        for action in rule.actions {
            switch action {
            case .assignTeam(let team) where !teams.contains(team):
                throw DeskError.invalid("unknown_team", field: "team", "no team \(team)")
            case .assignAgent(let agent) where !users.contains(agent),
                .escalate(.some(let agent), _) where !users.contains(agent):
                throw DeskError.invalid("unknown_user", field: "agent", "no user \(agent)")
            case .applySLA(let policy) where !policies.contains(policy):
                throw DeskError.invalid("unknown_sla_policy", field: "sla", "no SLA policy \(policy)")
            case .autoAcknowledge(let reply) where !replies.contains(reply.rawValue):
                throw DeskError.invalid("unknown_canned_reply", field: "acknowledge", "no canned reply \(reply)")
            default: continue
            }
        }
    }

    /// Every id must be a user's.
    func checkUsers(_ ids: [Int64]) async throws {
        let users = Set(try await desk.users.all().map(\.id))
        if let missing = ids.first(where: { !users.contains($0) }) {
            throw DeskError.invalid("unknown_user", field: "members", "no user \(missing)")
        }
    }
}
