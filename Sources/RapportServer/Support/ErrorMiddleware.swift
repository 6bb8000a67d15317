import Foundation
import Hummingbird
import Logging
import RapportStore

/// Maps every error to the JSON error body, so clients never see an HTML or empty error.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let code: String =
                switch error.status {
                case .notFound: "not_found"
                case .contentTooLarge: "body_too_large"
                case .methodNotAllowed: "method_not_allowed"
                case .badRequest: "bad_request"
                default: "http_\(error.status.code)"
                }
            let message =
                error.status == .contentTooLarge
                ? "request body exceeds the limit of \(context.maxUploadSize) bytes"
                : (error.body ?? error.status.reasonPhrase)
            return try APIError(error.status, code, message).response(from: request, context: context)
        } catch let error as StoreError {
            let api: APIError =
                switch error {
                case .notFound(let m): APIError(.notFound, "not_found", m)
                case .conflict(let m): APIError(.conflict, "conflict", m)
                case .invalidArgument(let m), .invalidConfiguration(let m): APIError(.badRequest, "invalid_argument", m)
                }
            return try api.response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error: \(error)")
            return try APIError(.internalServerError, "internal_error", "the server failed to handle the request")
                .response(from: request, context: context)
        }
    }
}
