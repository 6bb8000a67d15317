import RapportStore

/// What the layout (`head`/`foot` partials) shows around every page: title, navigation for the
/// signed-in user, the form token and a flash message. Templates render it as
/// `{{#chrome}}{{> head}}{{/chrome}}`.
struct PageChrome: Sendable, Equatable {
    /// The signed-in user as the navigation shows them.
    struct User: Sendable, Equatable {
        var name: String
        var role: String
        var isAdmin: Bool
        var isSupervisor: Bool
        var unread: Int
        var hasUnread: Bool
    }

    var title: String
    /// Which navigation entry is current (`inbox`, `conversation`, `admin`, …).
    var page: String
    var csrf: String
    var user: User?
    var flash: String?
    /// Unacknowledged announcements, shown on top of every desk page.
    var banner = AnnouncementBanner([], csrf: "")

    init(title: String, page: String, csrf: String = "", user: User? = nil, flash: String? = nil) {
        self.title = title
        self.page = page
        self.csrf = csrf
        self.user = user
        self.flash = flash
    }

    /// The chrome for the request's user and session.
    init(_ title: String, _ page: String, _ context: AppRequestContext, flash: String? = nil) {
        let unread = context.unreadNotifications ?? 0
        self.init(
            title: title, page: page, csrf: context.csrfToken ?? "",
            user: context.user.map {
                User(
                    name: $0.name, role: $0.role.rawValue, isAdmin: $0.role == .admin,
                    isSupervisor: $0.role.allows(.supervisor), unread: unread, hasUnread: unread > 0)
            }, flash: flash)
        banner = AnnouncementBanner(context.pendingAnnouncements, csrf: context.csrfToken ?? "")
    }
}

extension PageChrome: MustacheFields {
    // Key paths are immutable values; the table is written once.
    nonisolated(unsafe) static let mustacheFields: [String: PartialKeyPath<PageChrome>] = [
        "title": \.title, "page": \.page, "csrf": \.csrf, "user": \.user, "flash": \.flash, "banner": \.banner,
    ]
}

extension PageChrome.User: MustacheFields {
    nonisolated(unsafe) static let mustacheFields: [String: PartialKeyPath<PageChrome.User>] = [
        "name": \.name, "role": \.role, "isAdmin": \.isAdmin, "isSupervisor": \.isSupervisor, "unread": \.unread,
        "hasUnread": \.hasUnread,
    ]
}
