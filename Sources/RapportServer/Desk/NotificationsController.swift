import Foundation
import Hummingbird
import RapportDesk
import RapportStore

/// Personal notifications (the bell): a page and its JSON mirror. Every signed-in user has their
/// own and sees only those.
struct NotificationsController {
    let renderer: WebRenderer
    let desk: DeskServices

    func addPages(to pages: RouterGroup<AppRequestContext>) {
        pages.get("notifications", use: page)
        pages.post("notifications/read", use: readAllForm)
    }

    func addAPI(to api: RouterGroup<AppRequestContext>) {
        api.get("notifications", use: list)
        api.post("notifications/read", use: read)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try signedIn(context)
        let view = NotificationsPage(
            chrome: PageChrome("Notifications", "notifications", context),
            notifications: try await desk.notifications.list(userID: user.id, limit: 100), now: Date())
        return renderer.html("notifications", view)
    }

    @Sendable func readAllForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try signedIn(context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        try await desk.notifications.markRead(userID: user.id)
        return Response.redirect(to: "/notifications", type: .normal)
    }

    struct Listing: ResponseEncodable, Sendable {
        var items: [DeskNotification]
        var unread: Int
    }

    /// `GET /api/v1/notifications[?unread=true]`
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Listing {
        let user = try signedIn(context)
        let unreadOnly = request.uri.queryParameters.get("unread") == "true"
        return Listing(
            items: try await desk.notifications.list(userID: user.id, unreadOnly: unreadOnly),
            unread: try await desk.notifications.unreadCount(userID: user.id))
    }

    struct ReadInput: Decodable {
        /// Nil marks every notification read.
        var ids: [Int64]?
    }

    struct ReadResult: ResponseEncodable, Sendable {
        var marked: Int
        var unread: Int
    }

    /// `POST /api/v1/notifications/read` `{"ids": [3, 4]}` (or `{}` for all).
    @Sendable func read(_ request: Request, context: AppRequestContext) async throws -> ReadResult {
        let user = try signedIn(context)
        let input = try await APIInput.decode(ReadInput.self, request, context)
        if let ids = input.ids, ids.count > 1_000 {
            throw APIError(.badRequest, "too_many_ids", "mark at most 1000 notifications at once")
        }
        let marked = try await desk.notifications.markRead(userID: user.id, ids: input.ids)
        return ReadResult(marked: marked, unread: try await desk.notifications.unreadCount(userID: user.id))
    }

    private func signedIn(_ context: AppRequestContext) throws -> User {
        try RoleMiddleware.require(.analyst, context)
        return context.user!
    }

    static func describe(_ n: DeskNotification) -> String {
        let who = n.actorName ?? "Rapport"
        let subject = n.conversationSubject.map { "“\($0.prefix(80))”" } ?? "a conversation"
        switch n.kind {
        case .mention: return "\(who) mentioned you on \(subject)"
        case .assigned: return "\(who) assigned \(subject) to you"
        case .escalated: return "\(subject) was escalated to you"
        case .alert: return "Crisis alert for the rapid-response team"
        }
    }
}
