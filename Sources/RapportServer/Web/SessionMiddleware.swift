import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import RapportStore

/// Signs the browser in from its session cookie. Pages without a session redirect to `/login`;
/// every form post must carry the session's CSRF token (`_csrf`), or it is refused with 403.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "rapport_session"
    let sessions: SessionStore
    let notifications: NotificationStore

    init(desk: DeskServices) {
        sessions = desk.sessions
        notifications = desk.notifications
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value,
            let session = try await sessions.session(tokenHash: APITokens.hash(token))
        {
            context.user = session.user
            context.csrfToken = session.csrfToken
            if request.method == .get {
                context.unreadNotifications = try await notifications.unreadCount(userID: session.user.id)
            }
        }
        guard context.user != nil else {
            if request.method == .get || request.method == .head {
                let target = request.uri.description
                let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2Finbox"
                return Response.redirect(to: "/login?next=" + encoded)
            }
            throw APIError(.unauthorized, "signed_out", "sign in first")
        }
        return try await next(request, context)
    }
}

/// Form helpers shared by the web controllers.
enum WebForm {
    /// Decodes a url-encoded form and checks its CSRF token against the session's.
    static func decode<T: Decodable & CSRFProtected>(_ type: T.Type, _ request: Request, _ context: AppRequestContext)
        async throws -> T
    {
        let form: T
        do {
            form = try await URLEncodedFormDecoder().decode(T.self, from: request, context: context)
        } catch {
            throw APIError(.badRequest, "invalid_form", "the form is missing fields or has invalid values")
        }
        guard let expected = context.csrfToken, let sent = form._csrf,
            constantTimeEquals(Array(sent.utf8), Array(expected.utf8))
        else {
            throw APIError(.forbidden, "csrf", "Your form expired — reload the page and try again.")
        }
        return form
    }
}

/// A form that carries the CSRF token.
protocol CSRFProtected {
    var _csrf: String? { get }
}

/// A form with nothing but the CSRF token (sign out, delete buttons).
struct CSRFForm: Decodable, CSRFProtected {
    var _csrf: String?
}
