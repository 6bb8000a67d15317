import Foundation
import Hummingbird
import RapportDesk
import RapportStore

/// Desk settings over the API: routing rules (an ordered decision list), SLA policies, canned
/// replies and team membership. Admins change routing and SLAs; supervisors manage canned replies.
struct DeskSettingsAPIController {
    let desk: DeskServices
    var actions: DeskActions { desk.actions }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        let (supervisors, admins) = (api.requiring(.supervisor), api.requiring(.admin))
        api.get("routing-rules", use: routingRules)
        admins.post("routing-rules", use: addRoutingRule)
        admins.delete("routing-rules/:id", use: deleteRoutingRule)
        api.get("sla-policies", use: slaPolicies)
        admins.post("sla-policies", use: addSLAPolicy)
        api.get("canned-replies", use: cannedReplies)
        supervisors.post("canned-replies", use: addCannedReply)
        supervisors.delete("canned-replies/:id", use: deleteCannedReply)
        admins.patch("teams/:id", use: updateTeam)
        api.get("admin/team-scope", use: teamScope)
        admins.put("admin/team-scope", use: setTeamScope)
    }

    /// `GET /api/v1/admin/team-scope`: `{"enabled", "setting", "environment"}` (admins).
    @Sendable func teamScope(_ request: Request, context: AppRequestContext) async throws -> TeamScopeBody {
        try RoleMiddleware.require(.admin, context)
        return TeamScopeBody(try await actions.teamScopeState())
    }

    struct TeamScopeInput: Decodable { var enabled: Bool? }

    /// `PUT /api/v1/admin/team-scope` with `{"enabled": true}`, `false`, or `null` to follow `RAPPORT_TEAM_SCOPE`.
    @Sendable func setTeamScope(_ request: Request, context: AppRequestContext) async throws -> TeamScopeBody {
        let user = try context.requireUser()
        try DeskActions.require(.admin, user)
        let input = try await APIInput.decode(TeamScopeInput.self, request, context)
        return TeamScopeBody(
            try await actions.setTeamScope(input.enabled, by: user, from: PrivacyController.origin(request, context)))
    }

    struct TeamScopeBody: ResponseEncodable, Sendable {
        var enabled: Bool
        var setting: Bool?
        var environment: Bool
        init(_ state: DeskActions.TeamScopeState) {
            (enabled, setting, environment) = (state.enabled, state.setting, state.environment)
        }

        enum CodingKeys: String, CodingKey { case enabled, setting, environment }

        /// `setting` is written as null when the environment decides, not left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(enabled, forKey: .enabled)
            try container.encode(setting, forKey: .setting)
            try container.encode(environment, forKey: .environment)
        }
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
        let user = try context.requireUser()
        let rule = try await APIInput.decode(RoutingRule.self, request, context)
        return EditedResponse(status: .created, response: try await actions.addRoutingRule(rule, by: user))
    }

    @Sendable func deleteRoutingRule(_ request: Request, context: AppRequestContext) async throws -> Done {
        let user = try context.requireUser()
        try await actions.deleteRoutingRule(try APIInput.pathID(context), by: user)
        return Done(done: true)
    }

    @Sendable func slaPolicies(_ request: Request, context: AppRequestContext) async throws -> Items<SLAPolicy> {
        try RoleMiddleware.require(.analyst, context)
        return Items(items: try await desk.settings.slaPolicies())
    }

    @Sendable func addSLAPolicy(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<
        SLAPolicy
    > {
        let user = try context.requireUser()
        let policy = try await APIInput.decode(SLAPolicy.self, request, context)
        return EditedResponse(status: .created, response: try await actions.addSLAPolicy(policy, by: user))
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
        let user = try context.requireUser()
        let input = try await APIInput.decode(NewCannedReply.self, request, context)
        let id = try await actions.addCannedReply(title: input.title, body: input.body, by: user)
        return EditedResponse(status: .created, response: CannedReplyBody(id: id, title: input.title, body: input.body))
    }

    @Sendable func deleteCannedReply(_ request: Request, context: AppRequestContext) async throws -> Done {
        let user = try context.requireUser()
        try await actions.deleteCannedReply(try APIInput.pathID(context), by: user)
        return Done(done: true)
    }

    struct TeamPatch: Decodable {
        var members: [Int64]?
        var businessHours: BusinessHoursInput?
        /// True clears the hours (the team works around the clock).
        var alwaysOpen: Bool?
    }

    @Sendable func updateTeam(_ request: Request, context: AppRequestContext) async throws -> Done {
        let user = try context.requireUser()
        let patch = try await APIInput.decode(TeamPatch.self, request, context)
        let hours: DeskActions.HoursChange? =
            if let input = patch.businessHours { .hours(input) } else if patch.alwaysOpen == true { .alwaysOpen } else {
                nil
            }
        try await actions.updateTeam(
            try APIInput.pathID(context), .init(members: patch.members, hours: hours), by: user)
        return Done(done: true)
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
        } catch let error as DecodingError {
            let (field, problem) = describe(error)
            throw DeskError(
                .badRequest, "invalid_json", "the body is not the JSON this endpoint expects: \(problem)", field: field)
        } catch {
            throw DeskError(.badRequest, "invalid_json", "the body is not the JSON this endpoint expects")
        }
    }

    /// The field and the problem in words (a `DecodingError` prints as a type dump).
    static func describe(_ error: DecodingError) -> (field: String?, problem: String) {
        func path(_ keys: [any CodingKey]) -> String? {
            keys.isEmpty ? nil : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key]) ?? key.stringValue
            return (field, "'\(field)' is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return (field, field.map { "'\($0)' has the wrong type" } ?? "the body has the wrong shape")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return (field, field.map { "'\($0)' is not valid" } ?? "the body is not valid JSON")
        @unknown default:
            return (nil, "the body has the wrong shape")
        }
    }

    static func pathID(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
            throw DeskError(.badRequest, "invalid_id", "the id in the path must be a number", field: "id")
        }
        return id
    }
}

// Settings are answered in the shape they are posted in.
extension RoutingRule: ResponseEncodable {}
extension SLAPolicy: ResponseEncodable {}
