import Foundation
import Hummingbird
import RapportStore

/// `/community/moderation` for desk supervisors and admins (their desk session): the queue with approve, reject
/// with a reason, and block the member. Thin adapters over ``CommunityActions``.
struct ModerationPagesController {
    let renderer: WebRenderer
    let community: CommunityServices
    var actions: CommunityActions { community.actions }

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        let moderators = pages.requiring(.supervisor)
        moderators.get("community/moderation", use: page)
        moderators.post("community/moderation/:id/approve", use: approve)
        moderators.post("community/moderation/:id/reject", use: reject)
        moderators.post("community/moderation/:id/edit", use: edit)
        moderators.post("community/moderation/members/:id/block", use: block)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let queue = try await actions.moderationQueue(by: try context.requireUser())
        return renderer.html(
            .communityModeration,
            ModerationPage.make(
                chrome: PageChrome("Community moderation", "moderation", context), queue: queue, now: Date()))
    }

    @Sendable func approve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        _ = try await actions.approve(postID: try APIInput.pathID(context), by: user, address: context.clientAddress)
        return Response.redirect(to: "/community/moderation", type: .normal)
    }

    struct ReasonForm: Decodable, CSRFProtected {
        var reason: String?
        var _csrf: String?
    }

    @Sendable func reject(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(ReasonForm.self, request, context)
        _ = try await actions.reject(
            postID: try APIInput.pathID(context), reason: form.reason ?? "", by: user, address: context.clientAddress)
        return Response.redirect(to: "/community/moderation", type: .normal)
    }

    @Sendable func block(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(ReasonForm.self, request, context)
        try await actions.block(
            memberID: try APIInput.pathID(context), reason: form.reason, by: user, address: context.clientAddress)
        return Response.redirect(to: "/community/moderation", type: .normal)
    }

    struct EditForm: Decodable, CSRFProtected {
        var title: String?
        var body: String
        var _csrf: String?
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(EditForm.self, request, context)
        let id = try APIInput.pathID(context)
        _ = try await actions.edit(
            postID: id, title: form.title, body: form.body, by: user, address: context.clientAddress)
        return Response.redirect(to: "/community/moderation#post-\(id)", type: .normal)
    }
}
