import Foundation
import Hummingbird
import RapportDesk
import RapportStore

/// The desk's announcement pages: `/announcements` (list, post, acknowledge, resolve) and
/// `/announcements/banner`, the banner fragment desk pages re-read when an `announcement` event arrives.
struct AnnouncementPagesController {
    let renderer: WebRenderer
    let desk: DeskServices
    var actions: DeskActions { desk.actions }

    func addPages(to pages: RouterGroup<AppRequestContext>) {
        let supervisors = pages.requiring(.supervisor)
        pages.get("announcements", use: page)
        pages.get("announcements/banner", use: banner)
        supervisors.post("announcements", use: post)
        pages.requiring(.analyst).post("announcements/:id/acknowledge", use: acknowledge)
        supervisors.post("announcements/:id/resolve", use: resolve)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let views = try await actions.announcements(for: user)
        var readers: [Int64: AnnouncementReaders] = [:]
        if user.role.allows(.supervisor) {
            let store = AnnouncementStore(database: desk.database)
            for view in views { readers[view.announcement.id] = try await store.readers(of: view.announcement) }
        }
        let page = AnnouncementsPage.make(
            chrome: PageChrome("Announcements", "announcements", context), views: views, readers: readers,
            teams: try await desk.teams.all().map { ($0.id.rawValue, $0.name) },
            canPost: user.role.allows(.supervisor), now: Date())
        return renderer.html(.announcements, page)
    }

    @Sendable func banner(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var response = renderer.html(
            .announcementBanner,
            AnnouncementBanner(try await actions.pendingAnnouncements(for: user), csrf: context.csrfToken ?? ""))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    struct PostForm: Decodable, CSRFProtected {
        var title: String
        var body: String
        var teams: [Int64]?
        /// `datetime-local` (UTC) or ISO 8601; empty for none.
        var expiresAt: String?
        var query: String?
        var suggestedReply: String?
        var _csrf: String?
    }

    @Sendable func post(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(PostForm.self, request, context)
        var expiresAt: Date?
        if let raw = form.expiresAt?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            guard let date = MentionFilterParser.parseDate(raw) ?? MentionFilterParser.parseDate(raw + ":00Z") else {
                throw DeskError.invalid("invalid_expiry", field: "expiresAt", "expiresAt must be a date and time")
            }
            expiresAt = date
        }
        _ = try await actions.postAnnouncement(
            .init(
                title: form.title, body: form.body, teams: form.teams ?? [], expiresAt: expiresAt, query: form.query,
                suggestedReply: form.suggestedReply), by: user, address: context.clientAddress)
        return Response.redirect(to: "/announcements", type: .normal)
    }

    @Sendable func acknowledge(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        try await actions.acknowledge(try APIInput.pathID(context), by: user)
        // Back to the page the banner was on (same origin only), else the list.
        let back = request.headers[.referer].flatMap { URL(string: $0)?.path }.flatMap { SafeRedirect.path($0) }
        return Response.redirect(to: back ?? "/announcements", type: .normal)
    }

    struct ResolveForm: Decodable, CSRFProtected {
        var followUp: String?
        var _csrf: String?
    }

    @Sendable func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(ResolveForm.self, request, context)
        let id = try APIInput.pathID(context)
        _ = try await actions.resolveIncident(id, followUp: form.followUp, by: user, address: context.clientAddress)
        return Response.redirect(to: "/announcements#announcement-\(id)", type: .normal)
    }
}
