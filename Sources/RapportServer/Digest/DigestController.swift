import Foundation
import Hummingbird
import RapportStore

/// `GET /api/v1/digest?period=daily|weekly`: the last complete period's digest as JSON (analysts and up).
struct DigestController {
    let builder: DigestBuilder

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("digest", use: show)
    }

    struct Body: ResponseEncodable, Sendable {
        var digest: Digest
        var text: String
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Body {
        try RoleMiddleware.require(.analyst, context)
        let raw = request.uri.queryParameters.get("period") ?? "daily"
        guard let period = DigestPeriod(rawValue: raw) else {
            throw APIError(.badRequest, "invalid_period", "period must be daily or weekly")
        }
        let digest = try await builder.build(period)
        return Body(digest: digest, text: DigestText.render(digest))
    }
}
