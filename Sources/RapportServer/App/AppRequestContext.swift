import Hummingbird
import NIOCore
import RapportStore

/// The request context of every route: who is calling (set by the token or session
/// middleware) and the body limit (413 beyond it).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The name of the API token that authenticated the request, if any.
    public var tokenName: String?
    /// A machine token's scopes (nil for sessions, personal tokens and the configured token).
    public var tokenScopes: Set<TokenScope>?
    /// The signed-in user (session) or the user an API token belongs to.
    public var user: User?
    /// The session's CSRF token, which every form must echo.
    public var csrfToken: String?
    /// The signed-in user's unread notifications, counted for pages (GET) only.
    public var unreadNotifications: Int?
    /// The signed-in user's unacknowledged announcements, for pages (GET) only: the banner.
    public var pendingAnnouncements: [Announcement] = []
    public var maxUploadSize: Int
    /// Caps and re-checks the caller's live streams (set by the token and session middleware).
    public var streamGuard: StreamGuard?
    /// The signed-in community member (their own session cookie, apart from the desk's), on community pages.
    public var communityMember: CommunityMember?
    /// The community session's CSRF token, which every community form must echo.
    public var communityCSRF: String?
    /// The client's address: the socket peer, or the address a trusted proxy forwarded (ClientAddressMiddleware).
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = AppConfiguration.defaultMaxBodyBytes
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }
}

extension AppRequestContext {
    /// Who is acting, for the audit log.
    public var auditActor: AuditActor {
        AuditActor(userID: user?.id, tokenName: user == nil ? tokenName : nil, address: clientAddress)
    }

    /// False for a machine token limited to public posts (scope `read` without `admin`) and for a user confined to
    /// their teams by `boundary`: DMs, emails and chats stay out of their mention reads.
    public func seesPrivateChannels(_ boundary: TeamBoundary) async throws -> Bool {
        if user == nil, let scopes = tokenScopes { return scopes.contains(.admin) }
        return try await !boundary.confines(user)
    }
}
