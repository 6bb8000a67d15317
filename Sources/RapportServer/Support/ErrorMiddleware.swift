import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Answers every error once: the API (and any client that does not ask for HTML) gets the JSON
/// error body; a browser on a page or form gets the HTML error page in the site's layout, with a
/// way back. Statuses and codes come from `DomainErrorMapping`.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Renders the HTML error page; without one, every error is JSON.
    let renderer: WebRenderer?

    init(renderer: WebRenderer? = nil) {
        self.renderer = renderer
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let api: APIError
            if let mapped = DomainErrorMapping.apiError(for: error, maxUploadSize: context.maxUploadSize) {
                api = mapped
            } else {
                context.logger.error("unhandled error: \(error)")
                api = APIError(.internalServerError, "internal_error", "the server failed to handle the request")
            }
            if let renderer, Self.wantsHTML(request) {
                var response = renderer.html(
                    .error, ErrorPage.make(api, referer: Self.sameSitePath(request.headers[.referer])),
                    status: api.status)
                for field in api.headers { response.headers.append(field) }
                return response
            }
            return try api.response(from: request, context: context)
        }
    }

    /// Pages and forms a browser asked for: not the API or webhooks, and HTML accepted explicitly
    /// (scripts' `fetch` and API clients send `*/*` or JSON and keep getting JSON).
    static func wantsHTML(_ request: Request) -> Bool {
        let path = request.uri.path
        guard !path.hasPrefix("/api/"), !path.hasPrefix("/webhooks/") else { return false }
        return request.headers[.accept]?.contains("text/html") == true
    }

    /// The path of a same-site Referer, where the error page's "back" link leads.
    static func sameSitePath(_ referer: String?) -> String? {
        guard let referer, let url = URL(string: referer) else { return nil }
        var path = url.path
        if let query = url.query { path += "?" + query }
        let safe = WebController.safeNext(path)
        return safe == "/inbox" && !path.hasPrefix("/inbox") ? nil : safe
    }
}
