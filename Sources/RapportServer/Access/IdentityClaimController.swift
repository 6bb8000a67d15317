import Foundation
import Hummingbird
import RapportStore

/// Identity claims (an account named in a customer's message) for an agent to confirm or dismiss; nothing is merged
/// on a stranger's word.
struct IdentityClaimController {
    let customers: CustomerStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("customers/:id/claims", use: list)
        api.post("claims/:id/confirm", use: confirm)
        api.post("claims/:id/dismiss", use: dismiss)
    }

    struct Claims: ResponseEncodable, Sendable { var items: [IdentityClaim] }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Claims {
        try RoleMiddleware.require(.agent, context)
        return Claims(items: try await customers.openClaims(customerID: try APIInput.pathID(context)))
    }

    /// Confirming links the account, or merges with the profile that holds it (undoable from the customer page).
    @Sendable func confirm(_ request: Request, context: AppRequestContext) async throws -> IdentityClaim {
        try RoleMiddleware.require(.agent, context)
        let id = try APIInput.pathID(context)
        guard
            let claim = try await customers.confirmClaim(id: id, by: context.user!.id, address: context.clientAddress)
        else { throw APIError(.notFound, "not_found", "no open identity claim \(id)") }
        return claim
    }

    @Sendable func dismiss(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.agent, context)
        let id = try APIInput.pathID(context)
        guard try await customers.dismissClaim(id: id, by: context.user!.id, address: context.clientAddress) else {
            throw APIError(.notFound, "not_found", "no open identity claim \(id)")
        }
        return Response(status: .noContent)
    }
}

extension IdentityClaim: ResponseEncodable {}
