import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportAnalysis
import RapportCore
import RapportIngest
import RapportStore

/// The insight pages for signed-in users: `/dashboard` (charts, service figures, alerts), its CSV, the live
/// alert feed, alert buttons, and `/mentions`, the drill-down list behind every chart point (HTML and CSV).
/// Analysts and up read; agents and up acknowledge and resolve.
struct InsightWebController {
    let renderer: WebRenderer
    let builder: DashboardBuilder
    let monitor: AlertMonitor
    /// Acknowledge and resolve from the dashboard go through the same path as the desk and the API.
    let actions: AlertActions
    let mentions: MentionStore
    /// Exports are data leaving Rapport: each is audited with who, which export and its filters.
    let audit: AuditLog
    /// With team scope on, agents and supervisors list and export public mentions only.
    let boundary: TeamBoundary

    /// Rows a `/mentions.csv` export holds at most.
    static let exportLimit = 10_000

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("dashboard", use: dashboard)
        pages.get("dashboard.csv", use: dashboardCSV)
        pages.get("dashboard/alerts", use: alertsFragment)
        pages.get("dashboard/events", use: events)
        pages.post("dashboard/alerts/:id/acknowledge", use: acknowledge)
        pages.post("dashboard/alerts/:id/resolve", use: resolve)
        pages.get("mentions", use: mentionList)
        pages.get("mentions.csv", use: mentionCSV)
    }

    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        let query = try DashboardQuery.parse(request.uri.queryParameters)
        let d = try await builder.build(query)
        let rules = try await builder.rules.all().map { (id: $0.id, name: $0.name, brand: $0.brand) }
        let teams = try await builder.experienceStore.teams()
        var page = DashboardPage(
            chrome: PageChrome("Dashboard", "dashboard", context), dashboard: d, query: query, rules: rules,
            teams: teams)
        let announcements = builder.announcements
        let affected = try await announcements.affectedCounts()
        page.incidents = try await announcements.openIncidents().map {
            .init(id: $0.id, title: $0.title, conversations: affected[$0.id] ?? 0)
        }
        return renderer.html("dashboard", page)
    }

    @Sendable func dashboardCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        let query = try DashboardQuery.parse(request.uri.queryParameters)
        let text = DashboardCSV.dashboard(try await builder.build(query))
        try await audited(request, context, export: "dashboard.csv")
        return Self.csv(text, filename: "dashboard.csv")
    }

    @Sendable func alertsFragment(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        let ruleMap = Dictionary(try await builder.rules.all().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let list = DashboardPage.AlertList(
            chrome: PageChrome("Alerts", "dashboard", context),
            alerts: try await monitor.store.list(limit: 20).map {
                DashboardPage.AlertRow(AlertPayload($0, rules: ruleMap))
            })
        return renderer.html("dashboard_alerts", list)
    }

    /// `event: alert` with the alert's JSON whenever one opens or changes, so an open dashboard refreshes its list.
    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        return try ServerSentEvents.response(request, guard: context.streamGuard, monitor.live.subscribe(buffer: 100)) {
            alert in
            var payload = ByteBuffer(string: "event: alert\ndata: ")
            payload.writeBytes(try alert.json())
            payload.writeString("\n\n")
            return payload
        }
    }

    struct CSRFForm: Decodable, CSRFProtected { var _csrf: String? }

    @Sendable func acknowledge(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await move(request, context, to: .acknowledged)
    }

    @Sendable func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await move(request, context, to: .resolved)
    }

    private func move(_ request: Request, _ context: AppRequestContext, to state: AlertState) async throws -> Response {
        try RoleMiddleware.require(.agent, context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        let id = try AlertController.pathID(context)
        _ = try await actions.setStatus(id: id, to: state, by: context.user!.id)
        return Response.redirect(to: "/dashboard#alerts", type: .found)
    }

    @Sendable func mentionList(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        let q = request.uri.queryParameters
        let filter = try await MentionFilterParser.restricted(
            try MentionFilterParser.parse(q), context, boundary: boundary)
        var cursor: MentionCursor?
        if let raw = q.get("cursor") {
            guard let parsed = MentionCursor(token: raw) else {
                throw APIError(.badRequest, "invalid_parameter", "cursor is not one this page handed out")
            }
            cursor = parsed
        }
        let page = try await mentions.search(filter, limit: 100, after: cursor)
        let view = MentionsPage(
            chrome: PageChrome("Mentions", "mentions", context), mentions: page.items,
            nextCursor: page.nextCursor?.token, filters: Self.filterPairs(q))
        return renderer.html("mentions", view)
    }

    @Sendable func mentionCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        let filter = try await MentionFilterParser.restricted(
            try MentionFilterParser.parse(request.uri.queryParameters), context, boundary: boundary)
        var rows: [Mention] = []
        var cursor: MentionCursor?
        repeat {
            let page = try await mentions.search(filter, limit: 500, after: cursor)
            rows += page.items
            cursor = page.nextCursor
        } while cursor != nil && rows.count < Self.exportLimit
        let exported = Array(rows.prefix(Self.exportLimit))
        try await audited(request, context, export: "mentions.csv", rows: exported.count)
        return Self.csv(DashboardCSV.mentions(exported), filename: "mentions.csv")
    }

    /// Records an export (`export.csv`): the file, its query string (bounded) and, when known, the rows.
    private func audited(_ request: Request, _ context: AppRequestContext, export: String, rows: Int? = nil)
        async throws
    {
        let query = String((request.uri.query ?? "").prefix(500))
        let detail = (rows.map { "\($0) rows; " } ?? "") + (query.isEmpty ? "no filter" : query)
        try await audit.record(
            userID: context.user?.id, action: "export.csv", target: export, detail: detail,
            address: context.clientAddress)
    }

    /// The recognised filter parameters of the request, to carry into links.
    static func filterPairs(_ q: Parameters) -> [(String, String)] {
        let names = [
            "rule", "network", "since", "until", "author", "q", "sentiment", "intent", "lang", "level", "minLevel",
            "minInfluence", "origin",
        ]
        return names.compactMap { name in q.get(name).flatMap { $0.isEmpty ? nil : (name, $0) } }
    }

    static func csv(_ text: String, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
