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
    let streams: StreamLimiter
    let actions: DeskActions
    static let allowedBeforePasswordChange: Set<String> = ["/account", "/account/password", "/logout"]

    init(desk: DeskServices) {
        sessions = desk.sessions
        notifications = desk.notifications
        streams = desk.streams
        actions = desk.actions
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value,
            case let hash = APITokens.hash(token),
            let session = try await sessions.session(tokenHash: hash)
        {
            context.user = session.user
            context.csrfToken = session.csrfToken
            // A page's live stream counts against the user's cap and ends once the session does (sign-out, a
            // disabled user, a password reset, expiry).
            // A failed look-up (the database busy) keeps the stream; a session gone ends it.
            let sessions = self.sessions
            context.streamGuard = StreamGuard(limiter: streams, key: "user:\(session.user.id)") {
                do {
                    return try await sessions.session(tokenHash: hash) != nil
                } catch {
                    return true
                }
            }
            if request.method == .get {
                context.unreadNotifications = try await notifications.unreadCount(userID: session.user.id)
                context.pendingAnnouncements = try await actions.pendingAnnouncements(for: session.user)
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
        // After an admin's reset, nothing but choosing a new password (and signing out) until it is done.
        if context.user?.mustChangePassword == true, !Self.allowedBeforePasswordChange.contains(request.uri.path) {
            if request.method == .get || request.method == .head { return Response.redirect(to: "/account") }
            throw APIError(.forbidden, "password_change_required", "choose a new password at /account first")
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
