import Foundation
import Hummingbird
import RapportDesk
import RapportStore

/// `/admin/accounts`: the inventory screen. Supervisors see it; admins add, remove and review, through the same
/// use cases as the API (``BrandAccountActions``).
struct BrandAccountPagesController {
    let renderer: WebRenderer
    let actions: BrandAccountActions

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        let admins = pages.requiring(.admin)
        pages.requiring(.supervisor).get("admin/accounts", use: page)
        admins.post("admin/accounts", use: add)
        admins.post("admin/accounts/review", use: review)
        admins.post("admin/accounts/:id/delete", use: remove)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        renderer.html(.adminAccounts, try await view(context, error: nil))
    }

    private func view(_ context: AppRequestContext, error: String?) async throws -> BrandAccountsPage {
        let user = try context.requireUser()
        let canEdit = user.role == .admin
        return BrandAccountsPage.make(
            entries: try await actions.list(),
            discovered: canEdit ? try await actions.discovered(includeReviewed: false) : [],
            users: try await actions.users.all(),
            teams: try await actions.teams.all().map { ($0.id.rawValue, $0.name) }, dormantDays: actions.dormantDays,
            canEdit: canEdit, error: error, chrome: PageChrome("Brand accounts", "admin", context))
    }

    struct AddForm: Decodable, CSRFProtected {
        var network: String
        var handle: String
        var name: String?
        var ownerId: String?
        var teamId: String?
        var purpose: String?
        var _csrf: String?
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(AddForm.self, request, context)
        return try await redirectOrForm(context) {
            _ = try await actions.add(
                .init(
                    network: form.network, handle: form.handle, name: form.name,
                    ownerId: form.ownerId.flatMap { Int64($0) }, teamId: form.teamId.flatMap { Int64($0) },
                    purpose: form.purpose), by: user, address: context.clientAddress)
        }
    }

    struct ReviewForm: Decodable, CSRFProtected {
        var network: String
        var handle: String
        var decision: String
        var note: String?
        var _csrf: String?
    }

    @Sendable func review(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(ReviewForm.self, request, context)
        return try await redirectOrForm(context) {
            _ = try await actions.review(
                network: form.network, handle: form.handle, decision: form.decision, note: form.note, by: user,
                address: context.clientAddress)
        }
    }

    /// Runs a change and goes back to the screen; a refused one shows the screen again with the reason, at the
    /// status the API would give.
    private func redirectOrForm(_ context: AppRequestContext, _ change: () async throws -> Void) async throws
        -> Response
    {
        do {
            try await change()
        } catch let error as DeskError {
            return renderer.html(
                .adminAccounts, try await view(context, error: error.message),
                status: DomainErrorMapping.apiError(error).status)
        }
        return Response.redirect(to: "/admin/accounts", type: .normal)
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        try await actions.remove(try AlertController.pathID(context), by: user, address: context.clientAddress)
        return Response.redirect(to: "/admin/accounts", type: .normal)
    }
}
