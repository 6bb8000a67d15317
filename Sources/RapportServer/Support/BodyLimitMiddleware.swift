import Hummingbird

/// Applies the configured request body limit to the context (413 beyond it).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.maxUploadSize = maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw APIError(
                .contentTooLarge, "body_too_large",
                "request body of \(length) bytes exceeds the limit of \(maxBodyBytes) bytes")
        }
        return try await next(request, context)
    }
}
