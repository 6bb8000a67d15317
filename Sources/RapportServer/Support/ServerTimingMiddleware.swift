import Foundation
import HTTPTypes
import Hummingbird

/// Adds `Server-Timing: app;dur=<ms>` to every response: the time from the request reaching the router to
/// the response being ready (rendered pages are complete by then), so benchmarks and browsers' developer
/// tools can tell server time from network and client time.
struct ServerTimingMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        // Sign-in answers carry no timing: it would tell a known account (a password check) from an unknown one.
        if request.uri.path == "/login" { return try await next(request, context) }
        let started = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        response.headers[.serverTiming] = "app;dur=" + String(format: "%.2f", ms)
        return response
    }
}

extension HTTPField.Name {
    static let serverTiming = HTTPField.Name("Server-Timing")!
}
