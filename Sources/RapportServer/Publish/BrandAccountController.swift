import Foundation
import Hummingbird
import RapportStore

/// The brand account inventory over the API: `GET /api/v1/brand-accounts` (supervisors: governance needs eyes
/// beyond the admins), `POST`, `PATCH /{id}`, `DELETE /{id}` (admins), `GET /discovered` and
/// `POST /discovered/review` (admins). Credentials go in, never come out.
struct BrandAccountController {
    let actions: BrandAccountActions

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        let admins = api.requiring(.admin)
        api.requiring(.supervisor).get("brand-accounts", use: list)
        admins.post("brand-accounts", use: create)
        admins.get("brand-accounts/discovered", use: discovered)
        admins.post("brand-accounts/discovered/review", use: review)
        admins.patch("brand-accounts/:id", use: update)
        admins.delete("brand-accounts/:id", use: delete)
    }

    struct Items<T: Encodable & Sendable>: ResponseEncodable, Sendable {
        var items: [T]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Items<BrandAccountActions.Entry>
    {
        Items(items: try await actions.list())
    }

    struct NewAccount: Decodable {
        var network: String
        var handle: String
        var name: String?
        var ownerId: Int64?
        var teamId: Int64?
        var purpose: String?
        var followers: Int64?
        var credentials: BrandCredentials?
    }

    struct Created: ResponseEncodable, Sendable {
        var id: Int64
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        let user = try context.requireUser()
        let input = try await APIInput.decode(NewAccount.self, request, context)
        let id = try await actions.add(
            .init(
                network: input.network, handle: input.handle, name: input.name, ownerId: input.ownerId,
                teamId: input.teamId, purpose: input.purpose, followers: input.followers,
                credentials: input.credentials), by: user, address: context.clientAddress)
        return EditedResponse(status: .created, response: Created(id: id))
    }

    /// PATCH body: a missing field stays, `null` clears `ownerId`, `teamId`, `followers` or `credentials`.
    struct Changes: Decodable {
        var value: BrandAccountActions.Changes

        enum Key: String, CodingKey { case name, ownerId, teamId, purpose, followers, credentials, status }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            func optional<T: Decodable>(_ key: Key, _ type: T.Type) throws -> T?? {
                guard c.contains(key) else { return nil }
                return .some(try c.decodeNil(forKey: key) ? nil : c.decode(T.self, forKey: key))
            }
            value = BrandAccountActions.Changes(
                name: try c.decodeIfPresent(String.self, forKey: .name),
                ownerId: try optional(.ownerId, Int64.self), teamId: try optional(.teamId, Int64.self),
                purpose: try c.decodeIfPresent(String.self, forKey: .purpose),
                followers: try optional(.followers, Int64.self),
                credentials: try optional(.credentials, BrandCredentials.self),
                status: try c.decodeIfPresent(String.self, forKey: .status))
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try AlertController.pathID(context)
        let changes = try await APIInput.decode(Changes.self, request, context)
        try await actions.update(id, changes.value, by: user, address: context.clientAddress)
        return Response(status: .noContent)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try AlertController.pathID(context)
        try await actions.remove(id, by: user, address: context.clientAddress)
        return Response(status: .noContent)
    }

    @Sendable func discovered(_ request: Request, context: AppRequestContext) async throws -> Items<DiscoveredHandle> {
        let reviewed = ["1", "true", "yes"].contains(request.uri.queryParameters.get("reviewed") ?? "")
        return Items(items: try await actions.discovered(includeReviewed: reviewed))
    }

    struct Review: Decodable {
        var network: String
        var handle: String
        var decision: String
        var note: String?
    }

    struct Reviewed: ResponseEncodable, Sendable {
        /// The inventory entry created by an `add` decision.
        var id: Int64?
    }

    @Sendable func review(_ request: Request, context: AppRequestContext) async throws -> Reviewed {
        let user = try context.requireUser()
        let input = try await APIInput.decode(Review.self, request, context)
        return Reviewed(
            id: try await actions.review(
                network: input.network, handle: input.handle, decision: input.decision, note: input.note, by: user,
                address: context.clientAddress))
    }
}
