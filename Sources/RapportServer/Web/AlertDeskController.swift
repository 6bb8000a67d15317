import Foundation
import Hummingbird
import NIOCore
import RapportCore
import RapportIngest
import RapportStore

/// The desk's alert queue, `/inbox/alerts`: open and acknowledged crisis alerts with their evidence and
/// timeline, updated live (`/inbox/alerts/events`), with acknowledge, assign and resolve forms. Analysts read;
/// agents and up act.
struct AlertDeskController {
    let renderer: WebRenderer
    let desk: DeskServices
    let actions: AlertActions
    var relay: AlertRelay { actions.relay }
    var rules: RuleStore { actions.rules }
    var store: AlertStore { actions.store }

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("inbox/alerts", use: page)
        pages.get("inbox/alerts/events", use: events)
        pages.post("inbox/alerts/:id/acknowledge", use: acknowledge)
        pages.post("inbox/alerts/:id/resolve", use: resolve)
        pages.post("inbox/alerts/:id/assign", use: assign)
    }

    /// `?status=resolved` lists the resolved ones; by default, those still needing someone.
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        let showResolved: Bool
        switch request.uri.queryParameters.get("status") {
        case nil, "", "active": showResolved = false
        case "resolved": showResolved = true
        default: throw APIError(.badRequest, "invalid_parameter", "status must be active or resolved")
        }
        let user = context.user!
        async let recent = store.list(status: showResolved ? .resolved : nil, limit: 200)
        async let allRules = rules.all()
        async let allUsers = desk.users.all()
        async let teamMembers = AlertTeamStore(database: desk.database).members(emails: relay.teamEmails)
        let ruleMap = Dictionary(try await allRules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let users = try await allUsers.filter { !$0.disabled }
        let alerts = try await recent.filter { showResolved || $0.status != .resolved }
        let timelines = try await store.timelines(ids: alerts.map(\.id))
        let view = AlertDeskView(
            chrome: PageChrome("Alerts", "alerts", context), alerts: alerts.map { AlertPayload($0, rules: ruleMap) },
            timelines: timelines, users: users, team: try await teamMembers.map(\.name),
            canAct: user.role.allows(.agent), showResolved: showResolved, now: Date())
        return renderer.html("alerts", view)
    }

    /// `event: alert` with `{"alertId", "event"}` whenever an alert is raised or changes (on any instance). The
    /// team's bells ring through the inbox's own stream (`/inbox/events`), which every desk page follows.
    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        return try ServerSentEvents.response(request, guard: context.streamGuard, relay.signals.subscribe(buffer: 200))
        { signal in
            let event =
                "event: alert\ndata: {\"alertId\":\(signal.alertId),\"event\":\"\(Self.token(signal.event))\"}\n\n"
            return ByteBuffer(string: event)
        }
    }

    @Sendable func acknowledge(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await move(request, context, to: .acknowledged)
    }

    @Sendable func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await move(request, context, to: .resolved)
    }

    struct AssignForm: Decodable, CSRFProtected {
        /// A user id, or empty for nobody.
        var user: String?
        var _csrf: String?
    }

    @Sendable func assign(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.agent, context)
        let form = try await WebForm.decode(AssignForm.self, request, context)
        let id = try AlertController.pathID(context)
        var assignee: Int64?
        if let raw = form.user?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            guard let parsed = Int64(raw), parsed > 0 else {
                throw APIError(.badRequest, "invalid_user", "user must be a user id, or empty for nobody")
            }
            assignee = parsed
        }
        _ = try await actions.assign(id: id, to: assignee, by: context.user!.id)
        return Response.redirect(to: "/inbox/alerts#alert-\(id)", type: .normal)
    }

    private func move(_ request: Request, _ context: AppRequestContext, to state: AlertState) async throws -> Response {
        try RoleMiddleware.require(.agent, context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        let id = try AlertController.pathID(context)
        _ = try await actions.setStatus(id: id, to: state, by: context.user!.id)
        return Response.redirect(to: "/inbox/alerts#alert-\(id)", type: .normal)
    }

    /// Event names are ours, but keep them to letters so the JSON needs no escaping.
    static func token(_ s: String) -> String { String(s.filter { $0.isLetter || $0 == "_" }) }
}
