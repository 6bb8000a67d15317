import Foundation
import Hummingbird
import RapportCore
import RapportIngest
import RapportStore

/// Crisis alerts over the API: analysts and up read them; agents and up acknowledge, resolve and assign.
struct AlertController {
    /// Stores people's changes and tells live pages of them.
    let actions: AlertActions
    var alerts: AlertStore { actions.store }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("alerts", use: list)
        api.get("alerts/:id", use: show)
        api.post("alerts/:id/acknowledge", use: acknowledge)
        api.post("alerts/:id/resolve", use: resolve)
        api.post("alerts/:id/assign", use: assign)
    }

    struct Items: ResponseEncodable, Sendable { var items: [AlertPayload] }

    struct Detail: ResponseEncodable, Sendable {
        var alert: AlertPayload
        var timeline: [AlertTimelineEntry]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Items {
        try RoleMiddleware.require(.analyst, context)
        let q = request.uri.queryParameters
        var status: AlertState?
        if let raw = q.get("status") {
            guard let parsed = AlertState(rawValue: raw) else {
                throw APIError(.badRequest, "invalid_status", "status must be open, acknowledged or resolved")
            }
            status = parsed
        }
        let limit = q.get("limit").map { Int($0) ?? -1 } ?? 100
        guard (1...1_000).contains(limit) else { throw APIError(.badRequest, "invalid_limit", "limit must be 1…1000") }
        let ruleMap = try await ruleMap()
        return Items(
            items: try await alerts.list(status: status, limit: limit).map { AlertPayload($0, rules: ruleMap) })
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Detail {
        try RoleMiddleware.require(.analyst, context)
        let id = try Self.pathID(context)
        guard let alert = try await alerts.alert(id: id) else { throw StoreError.notFound("alert \(id)") }
        return Detail(
            alert: AlertPayload(alert, rules: try await ruleMap()), timeline: try await alerts.timeline(id: id))
    }

    @Sendable func acknowledge(_ request: Request, context: AppRequestContext) async throws -> AlertPayload {
        try await move(context, to: .acknowledged)
    }

    @Sendable func resolve(_ request: Request, context: AppRequestContext) async throws -> AlertPayload {
        try await move(context, to: .resolved)
    }

    struct AssignInput: Decodable { var userId: Int64? }

    @Sendable func assign(_ request: Request, context: AppRequestContext) async throws -> AlertPayload {
        try RoleMiddleware.require(.agent, context)
        let id = try Self.pathID(context)
        let input: AssignInput
        do {
            input = try await request.decode(as: AssignInput.self, context: context)
        } catch {
            throw APIError(.badRequest, "invalid_body", #"the body must be {"userId": <number or null>}"#)
        }
        return try await actions.assign(id: id, to: input.userId, by: context.user!.id)
    }

    private func move(_ context: AppRequestContext, to state: AlertState) async throws -> AlertPayload {
        try RoleMiddleware.require(.agent, context)
        let id = try Self.pathID(context)
        return try await actions.setStatus(id: id, to: state, by: context.user!.id)
    }

    private func ruleMap() async throws -> [Int64: ListeningRule] { try await actions.ruleMap() }

    static func pathID(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
            throw APIError(.badRequest, "invalid_id", "the id in the path must be a number")
        }
        return id
    }
}

extension AlertPayload: ResponseEncodable {}
