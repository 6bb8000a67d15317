import Foundation
import Hummingbird
import RapportStore

/// Announcements and known incidents over the API: `POST /api/v1/announcements` (supervisors), `GET` (each caller
/// the ones addressed to them, with `acknowledged`; supervisors all, with read counts), `GET /{id}` (supervisors:
/// who has and has not read it), `POST /{id}/acknowledge`, and `POST /{id}/resolve` for an incident.
struct AnnouncementAPIController {
    let desk: DeskServices
    var actions: DeskActions { desk.actions }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        let supervisors = api.requiring(.supervisor)
        api.get("announcements", use: list)
        supervisors.post("announcements", use: create)
        api.get("announcements/:id", use: show)
        api.requiring(.analyst).post("announcements/:id/acknowledge", use: acknowledge)
        supervisors.post("announcements/:id/resolve", use: resolve)
    }

    struct NewAnnouncement: Decodable {
        var title: String
        var body: String
        var teams: [Int64]?
        var expiresAt: Date?
        /// Makes it a known incident (the listening rule language).
        var query: String?
        var suggestedReply: String?
    }

    struct Created: ResponseEncodable, Sendable {
        var id: Int64
        var kind: String
        var linkedConversations: Int
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        let user = try context.requireUser()
        let input = try await APIInput.decode(NewAnnouncement.self, request, context)
        let posted = try await actions.postAnnouncement(
            .init(
                title: input.title, body: input.body, teams: input.teams ?? [], expiresAt: input.expiresAt,
                query: input.query, suggestedReply: input.suggestedReply), by: user, address: context.clientAddress)
        return EditedResponse(
            status: .created,
            response: Created(
                id: posted.id, kind: posted.kind.rawValue, linkedConversations: posted.linkedConversations))
    }

    /// An announcement as the API shows it.
    struct Item: Encodable, Sendable {
        var id: Int64
        var kind: String
        var title: String
        var body: String
        var status: String
        var teams: [Int64]
        var author: String
        var createdAt: Date
        var expiresAt: Date?
        var query: String?
        var suggestedReply: String?
        var acknowledged: Bool
        var readCount: Int?
        var audienceCount: Int?
        var affectedConversations: Int?

        init(_ view: DeskActions.AnnouncementView) {
            let a = view.announcement
            (id, kind, title, body, status) = (a.id, a.kind.rawValue, a.title, a.body, a.status.rawValue)
            (teams, author, createdAt, expiresAt) = (a.teamIDs, a.authorName, a.createdAt, a.expiresAt)
            (query, suggestedReply, acknowledged) = (a.query, a.suggestedReply, view.acknowledged)
            (readCount, audienceCount, affectedConversations) =
                (view.readCount, view.audienceCount, view.affectedConversations)
        }
    }

    struct Items: ResponseEncodable, Sendable { var items: [Item] }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Items {
        try RoleMiddleware.require(.analyst, context)
        return Items(items: try await actions.announcements(for: try context.requireUser()).map(Item.init))
    }

    struct Detail: ResponseEncodable, Sendable {
        var announcement: Item
        /// Supervisors only.
        var readers: AnnouncementReaders?
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Detail {
        try RoleMiddleware.require(.analyst, context)
        let (view, readers) = try await actions.announcement(
            try APIInput.pathID(context), for: try context.requireUser())
        return Detail(announcement: Item(view), readers: readers)
    }

    struct Acknowledged: ResponseEncodable, Sendable { var acknowledged: Bool }

    @Sendable func acknowledge(_ request: Request, context: AppRequestContext) async throws -> Acknowledged {
        try await actions.acknowledge(try APIInput.pathID(context), by: try context.requireUser())
        return Acknowledged(acknowledged: true)
    }

    struct ResolveInput: Decodable { var followUp: String? }

    /// `{"followUp": "…"}` (optional): `{"linked", "sent", "refused", "alreadySent"}`.
    @Sendable func resolve(_ request: Request, context: AppRequestContext) async throws
        -> AnnouncementStore.Resolution
    {
        let user = try context.requireUser()
        let input = try await APIInput.decode(ResolveInput.self, request, context)
        return try await actions.resolveIncident(
            try APIInput.pathID(context), followUp: input.followUp, by: user, address: context.clientAddress)
    }
}

extension AnnouncementStore.Resolution: ResponseEncodable {}
extension AnnouncementReaders: ResponseEncodable {}
