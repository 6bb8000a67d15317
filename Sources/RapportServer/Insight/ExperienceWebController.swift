import Foundation
import Hummingbird
import RapportCore
import RapportStore

/// The experience pages: `/surveys` (the answers behind every experience chart point, filtered) and
/// `/insight/revenue` (satisfaction → later spend and retention), with `GET /api/v1/analytics/revenue`.
/// Analysts and up.
struct ExperienceWebController {
    let renderer: WebRenderer
    let experience: ExperienceStore
    let revenue: RevenueBuilder

    /// Answers a `/surveys` page lists at most.
    static let listLimit = 500

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("surveys", use: surveys)
        pages.get("insight/revenue", use: revenuePage)
    }

    func addAPI(to api: RouterGroup<AppRequestContext>) {
        api.get("analytics/revenue", use: revenueJSON)
    }

    @Sendable func surveys(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        let (filter, pairs) = try Self.filter(request.uri.queryParameters)
        var store = experience
        store.limit = Self.listLimit
        let rows = try await store.responses(filter)
        let view = SurveyAnswersPage(
            chrome: PageChrome("Survey answers", "dashboard", context), answers: rows, filters: pairs,
            limit: Self.listLimit)
        return renderer.html("surveys", view)
    }

    @Sendable func revenuePage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        let days = try RevenueBuilder.days(request.uri.queryParameters.get("days"))
        let report = try await revenue.build(days: days)
        let page = RevenuePage(chrome: PageChrome("Satisfaction and revenue", "dashboard", context), report: report)
        return renderer.html("revenue", page)
    }

    @Sendable func revenueJSON(_ request: Request, context: AppRequestContext) async throws -> RevenueBuilder.Report {
        try RoleMiddleware.require(.analyst, context)
        return try await revenue.build(days: try RevenueBuilder.days(request.uri.queryParameters.get("days")))
    }

    /// `/surveys` parameters: `since`/`until` (ISO 8601), `kind` (csat, nps), `team`, `agent`, `network`,
    /// `minScore`/`maxScore`. A wrong value is a 400 naming it.
    static func filter(_ q: Parameters) throws -> (SurveyResponseFilter, [(String, String)]) {
        func value(_ name: String) -> String? { q.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        func invalid(_ name: String, _ expected: String) -> APIError {
            APIError(.badRequest, "invalid_parameter", "\(name) must be \(expected)")
        }
        func id(_ name: String) throws -> Int64? {
            guard let raw = value(name) else { return nil }
            guard let id = Int64(raw), id > 0 else { throw invalid(name, "an id") }
            return id
        }
        func date(_ name: String) throws -> Date? {
            guard let raw = value(name) else { return nil }
            guard let date = MentionFilterParser.parseDate(raw) else { throw invalid(name, "an ISO 8601 date-time") }
            return date
        }
        func score(_ name: String) throws -> Int? {
            guard let raw = value(name) else { return nil }
            guard let score = Int(raw), (0...10).contains(score) else { throw invalid(name, "a score from 0 to 10") }
            return score
        }
        var filter = SurveyResponseFilter(
            start: try date("since") ?? Date(timeIntervalSince1970: 0), end: try date("until") ?? Date())
        if let raw = value("kind") {
            guard let kind = SurveyKind(rawValue: raw) else { throw invalid("kind", "csat or nps") }
            filter.kind = kind
        }
        filter.teamID = try id("team")
        filter.agentID = try id("agent")
        if let raw = value("network") {
            guard raw.count <= 40 else { throw invalid("network", "a network name") }
            filter.network = raw
        }
        let low = try score("minScore")
        let high = try score("maxScore")
        if low != nil || high != nil {
            guard (low ?? 0) <= (high ?? 10) else { throw invalid("minScore", "at most maxScore") }
            filter.scores = (low ?? 0)...(high ?? 10)
        }
        let names = ["since", "until", "kind", "team", "agent", "network", "minScore", "maxScore"]
        return (filter, names.compactMap { name in value(name).map { (name, $0) } })
    }
}
