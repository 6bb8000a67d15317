import Foundation
import Hummingbird
import RapportDesk
import RapportStore

/// Desk settings over the API: routing rules (an ordered decision list), SLA policies, canned
/// replies and team membership. Admins change routing and SLAs; supervisors manage canned replies.
struct DeskSettingsAPIController {
    let desk: DeskServices

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("routing-rules", use: routingRules)
        api.post("routing-rules", use: addRoutingRule)
        api.delete("routing-rules/:id", use: deleteRoutingRule)
        api.get("sla-policies", use: slaPolicies)
        api.post("sla-policies", use: addSLAPolicy)
        api.get("canned-replies", use: cannedReplies)
        api.post("canned-replies", use: addCannedReply)
        api.delete("canned-replies/:id", use: deleteCannedReply)
        api.patch("teams/:id", use: updateTeam)
    }

    struct Items<T: Encodable & Sendable>: ResponseEncodable, Sendable { var items: [T] }
    struct Done: ResponseEncodable, Sendable { var done: Bool }

    @Sendable func routingRules(_ request: Request, context: AppRequestContext) async throws -> Items<RoutingRule> {
        try RoleMiddleware.require(.supervisor, context)
        return Items(items: try await desk.settings.routingRules())
    }

    /// The body is a `RoutingRule` as the API lists them (its `id` is ignored); appended at the end.
    @Sendable func addRoutingRule(_ request: Request, context: AppRequestContext) async throws
        -> EditedResponse<RoutingRule>
    {
        try RoleMiddleware.require(.admin, context)
        let rule = try await APIInput.decode(RoutingRule.self, request, context)
        guard !rule.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(.badRequest, "invalid_name", "a routing rule needs a name")
        }
        try await DeskSettingsValidation.check(rule, desk: desk)
        return EditedResponse(status: .created, response: try await desk.settings.addRoutingRule(rule))
    }

    @Sendable func deleteRoutingRule(_ request: Request, context: AppRequestContext) async throws -> Done {
        try RoleMiddleware.require(.admin, context)
        let id = try APIInput.pathID(context)
        guard try await desk.settings.deleteRoutingRule(id: id, by: context.user?.id) else {
            throw APIError(.notFound, "not_found", "no routing rule \(id)")
        }
        return Done(done: true)
    }

    @Sendable func slaPolicies(_ request: Request, context: AppRequestContext) async throws -> Items<SLAPolicy> {
        try RoleMiddleware.require(.analyst, context)
        return Items(items: try await desk.settings.slaPolicies())
    }

    @Sendable func addSLAPolicy(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<
        SLAPolicy
    > {
        try RoleMiddleware.require(.admin, context)
        let policy = try await APIInput.decode(SLAPolicy.self, request, context)
        guard !policy.name.isEmpty, !policy.targets.isEmpty,
            policy.targets.allSatisfy({ t in [t.firstResponse, t.resolution].allSatisfy { ($0 ?? 1) > 0 } })
        else {
            throw APIError(.badRequest, "invalid_policy", "an SLA policy needs a name and positive targets (seconds)")
        }
        do {
            return EditedResponse(status: .created, response: try await desk.settings.addSLAPolicy(policy))
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "duplicate_policy", message)
        }
    }

    struct CannedReplyBody: ResponseEncodable, Sendable {
        var id: Int64
        var title: String
        var body: String
    }

    @Sendable func cannedReplies(_ request: Request, context: AppRequestContext) async throws -> Items<CannedReplyBody>
    {
        try RoleMiddleware.require(.agent, context)
        return Items(
            items: try await desk.settings.cannedReplies().map {
                CannedReplyBody(id: $0.id, title: $0.title, body: $0.body)
            })
    }

    struct NewCannedReply: Decodable {
        var title: String
        var body: String
    }

    @Sendable func addCannedReply(_ request: Request, context: AppRequestContext) async throws
        -> EditedResponse<CannedReplyBody>
    {
        try RoleMiddleware.require(.supervisor, context)
        let input = try await APIInput.decode(NewCannedReply.self, request, context)
        let id = try await DeskSettingsValidation.addCannedReply(title: input.title, body: input.body, desk: desk)
        return EditedResponse(status: .created, response: CannedReplyBody(id: id, title: input.title, body: input.body))
    }

    @Sendable func deleteCannedReply(_ request: Request, context: AppRequestContext) async throws -> Done {
        try RoleMiddleware.require(.supervisor, context)
        let id = try APIInput.pathID(context)
        guard try await desk.settings.deleteCannedReply(id: id) else {
            throw APIError(.notFound, "not_found", "no canned reply \(id)")
        }
        return Done(done: true)
    }

    /// Opening hours as people write them: `{"timeZone": "Europe/London", "open": "09:00",
    /// "close": "17:30", "days": [2, 3, 4, 5, 6], "holidays": ["2026-12-25"]}` (days: Sunday = 1).
    struct HoursInput: Decodable {
        var timeZone: String
        var open: String
        var close: String
        var days: [Int]?
        var holidays: [String]?

        func businessHours() throws -> BusinessHours {
            guard TimeZone(identifier: timeZone) != nil else {
                throw APIError(.badRequest, "invalid_time_zone", "unknown time zone '\(timeZone)'")
            }
            func minutes(_ text: String) throws -> Int {
                let parts = text.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 2, (0...24).contains(parts[0]), (0..<60).contains(parts[1]),
                    parts[0] * 60 + parts[1] <= 1_440
                else { throw APIError(.badRequest, "invalid_hours", "times look like 09:00 or 17:30, not '\(text)'") }
                return parts[0] * 60 + parts[1]
            }
            let (start, end) = (try minutes(open), try minutes(close))
            guard start < end else { throw APIError(.badRequest, "invalid_hours", "open must be before close") }
            let days = try (days ?? Weekday.workdays.map(\.rawValue)).map { day in
                guard let weekday = Weekday(rawValue: day) else {
                    throw APIError(.badRequest, "invalid_day", "days are 1 (Sunday) to 7 (Saturday)")
                }
                return weekday
            }
            guard !days.isEmpty else { throw APIError(.badRequest, "invalid_day", "choose at least one working day") }
            let holidays = try (holidays ?? []).map { text -> LocalDate in
                let parts = text.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 3 else {
                    throw APIError(.badRequest, "invalid_holiday", "holidays look like 2026-12-25, not '\(text)'")
                }
                return LocalDate(parts[0], parts[1], parts[2])
            }
            return BusinessHours(
                timeZoneIdentifier: timeZone, days: days, window: DailyWindow(startMinute: start, endMinute: end),
                holidays: Set(holidays))
        }
    }

    struct TeamPatch: Decodable {
        var members: [Int64]?
        var businessHours: HoursInput?
        /// True clears the hours (the team works around the clock).
        var alwaysOpen: Bool?
    }

    @Sendable func updateTeam(_ request: Request, context: AppRequestContext) async throws -> Done {
        try RoleMiddleware.require(.admin, context)
        let patch = try await APIInput.decode(TeamPatch.self, request, context)
        let id = try APIInput.pathID(context)
        let hours = try patch.businessHours?.businessHours()
        if let members = patch.members {
            try await DeskSettingsValidation.checkUsers(members, desk: desk)
            guard try await desk.teams.setMembers(members, teamID: id, by: context.user?.id) else {
                throw APIError(.notFound, "not_found", "no team \(id)")
            }
        }
        if hours != nil || patch.alwaysOpen == true {
            guard try await desk.teams.setBusinessHours(hours, teamID: id, by: context.user?.id) else {
                throw APIError(.notFound, "not_found", "no team \(id)")
            }
        }
        return Done(done: true)
    }
}

/// An agent's skills and capacity, checked the same way for the API and the admin page.
enum WorkloadInput {
    static func set(skills: [String], capacity: Int, userID: Int64, by caller: User, desk: DeskServices) async throws {
        guard (0...500).contains(capacity) else {
            throw APIError(.badRequest, "invalid_capacity", "capacity is 0…500 open conversations")
        }
        guard skills.count <= 30, skills.allSatisfy({ !$0.contains(",") && $0.count <= 60 }) else {
            throw APIError(
                .badRequest, "invalid_skills", "at most 30 skills like language:es or product:fibre, without commas")
        }
        guard try await desk.users.setWorkload(skills: skills, capacity: capacity, userID: userID, by: caller.id)
        else { throw APIError(.notFound, "not_found", "no user \(userID)") }
    }
}

/// Checks shared by the settings API and the admin pages.
enum DeskSettingsValidation {
    /// Teams, agents and SLA policies a rule names must exist.
    static func check(_ rule: RoutingRule, desk: DeskServices) async throws {
        let teams = Set(try await desk.teams.all().map(\.id))
        let users = Set(try await desk.users.all().map { AgentID($0.id) })
        let policies = Set(try await desk.settings.slaPolicies().map(\.id))
        let replies = Set(try await desk.settings.cannedReplies().map(\.id))
        for action in rule.actions {
            switch action {
            case .assignTeam(let team) where !teams.contains(team):
                throw APIError(.badRequest, "unknown_team", "no team \(team)")
            case .assignAgent(let agent) where !users.contains(agent),
                .escalate(.some(let agent), _) where !users.contains(agent):
                throw APIError(.badRequest, "unknown_user", "no user \(agent)")
            case .applySLA(let policy) where !policies.contains(policy):
                throw APIError(.badRequest, "unknown_sla_policy", "no SLA policy \(policy)")
            case .autoAcknowledge(let reply) where !replies.contains(reply.rawValue):
                throw APIError(.badRequest, "unknown_canned_reply", "no canned reply \(reply)")
            default: continue
            }
        }
    }

    static func checkUsers(_ ids: [Int64], desk: DeskServices) async throws {
        let users = Set(try await desk.users.all().map(\.id))
        if let missing = ids.first(where: { !users.contains($0) }) {
            throw APIError(.badRequest, "unknown_user", "no user \(missing)")
        }
    }

    /// Validates the template's variables before storing a canned reply.
    static func addCannedReply(title: String, body: String, desk: DeskServices) async throws -> Int64 {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty, !body.isEmpty, body.count <= 5_000 else {
            throw APIError(
                .badRequest, "invalid_canned_reply", "a canned reply needs a title and a body (≤ 5,000 characters)")
        }
        do {
            try TemplateRenderer.validate(body)
        } catch {
            throw APIError(.badRequest, "invalid_template", "\(error)")
        }
        do {
            return try await desk.settings.addCannedReply(title: title, body: body)
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "duplicate_canned_reply", message)
        }
    }
}

/// Request decoding and path ids for the JSON API.
enum APIInput {
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: AppRequestContext) async throws -> T
    {
        do {
            return try await request.decode(as: T.self, context: context)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badRequest, "invalid_json", "the body is not the JSON this endpoint expects: \(error)")
        }
    }

    static func pathID(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
            throw APIError(.badRequest, "invalid_id", "the id in the path must be a number")
        }
        return id
    }
}

// Settings are answered in the shape they are posted in.
extension RoutingRule: ResponseEncodable {}
extension SLAPolicy: ResponseEncodable {}
