import Hummingbird
import RapportStore

/// The request context of every route: who is calling (set by the token or session
/// middleware) and the body limit (413 beyond it).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The name of the API token that authenticated the request, if any.
    public var tokenName: String?
    /// The signed-in user (session) or the user an API token belongs to.
    public var user: User?
    /// The session's CSRF token, which every form must echo.
    public var csrfToken: String?
    /// The signed-in user's unread notifications, counted for pages (GET) only.
    public var unreadNotifications: Int?
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = AppConfiguration.defaultMaxBodyBytes
    }
}
