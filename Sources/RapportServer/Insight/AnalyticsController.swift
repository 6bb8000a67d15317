import Foundation
import Hummingbird
import RapportStore

/// The dashboard's figures as JSON (`GET /api/v1/analytics/dashboard`, same parameters as `/dashboard`).
struct AnalyticsController {
    let builder: DashboardBuilder

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("analytics/dashboard", use: dashboard)
    }

    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> Dashboard {
        try RoleMiddleware.require(.analyst, context)
        return try await builder.build(try DashboardQuery.parse(request.uri.queryParameters))
    }
}

extension Dashboard: ResponseEncodable {}
