import Foundation
import Hummingbird
import RapportStore

/// Offboarding and tokens over the API: personal tokens (create, list, revoke), and an admin's disable, enable and
/// password reset of users. Every change is audited with who, when and from where.
struct AccessController {
    let tokens: TokenStore
    let actions: DeskActions

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("tokens", use: listTokens)
        api.post("tokens", use: createToken)
        api.delete("tokens/:id", use: revokeToken)
        let admins = api.requiring(.admin)
        admins.post("users/:id/disable", use: disable)
        admins.post("users/:id/enable", use: enable)
        admins.post("users/:id/reset-password", use: resetPassword)
    }

    struct TokenList: ResponseEncodable, Sendable { var items: [APITokenInfo] }

    /// `GET /api/v1/tokens`: the caller's own tokens; an admin's `?all=true` lists everyone's.
    @Sendable func listTokens(_ request: Request, context: AppRequestContext) async throws -> TokenList {
        try RoleMiddleware.require(.analyst, context)
        let user = context.user!
        let all = request.uri.queryParameters.get("all") == "true"
        if all { try RoleMiddleware.require(.admin, context) }
        return TokenList(items: try await tokens.list(userID: all ? nil : user.id))
    }

    struct NewToken: Decodable { var name: String }
    struct CreatedToken: ResponseEncodable, Sendable {
        var id: Int64
        var name: String
        /// Shown once: only its hash is stored.
        var token: String
    }

    /// `POST /api/v1/tokens` with `{"name"}`: a personal token for the caller (their role applies to it).
    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws
        -> EditedResponse<CreatedToken>
    {
        try RoleMiddleware.require(.analyst, context)
        let input = try await APIInput.decode(NewToken.self, request, context)
        let name = try Self.tokenName(input.name)
        let token = APITokens.generate()
        let id = try await tokens.create(
            name: name, tokenHash: APITokens.hash(token), userID: context.user!.id, by: context.user!.id,
            address: context.clientAddress)
        return EditedResponse(status: .created, response: CreatedToken(id: id, name: name, token: token))
    }

    /// `DELETE /api/v1/tokens/{id}`: the caller's own token, or any token for an admin. 404 otherwise, so token ids
    /// of others are not confirmed.
    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.analyst, context)
        let user = context.user!
        let id = try APIInput.pathID(context)
        guard let token = try await tokens.token(id: id), !token.revoked,
            token.userID == user.id || user.role.allows(.admin)
        else { throw APIError(.notFound, "not_found", "no live token \(id)") }
        _ = try await tokens.revoke(id: id, by: user.id, address: context.clientAddress)
        return Response(status: .noContent)
    }

    @Sendable func disable(_ request: Request, context: AppRequestContext) async throws -> User {
        try await setDisabled(true, context)
    }

    @Sendable func enable(_ request: Request, context: AppRequestContext) async throws -> User {
        try await setDisabled(false, context)
    }

    private func setDisabled(_ disabled: Bool, _ context: AppRequestContext) async throws -> User {
        try await actions.setDisabled(
            disabled, userID: try APIInput.pathID(context), by: try context.requireUser(),
            address: context.clientAddress)
    }

    struct Reset: ResponseEncodable, Sendable {
        /// Shown once; the user must replace it at the next sign-in.
        var temporaryPassword: String
    }

    /// `POST /api/v1/users/{id}/reset-password`: a one-time password; the user's sessions end and they must choose
    /// a new password when they next sign in.
    @Sendable func resetPassword(_ request: Request, context: AppRequestContext) async throws -> Reset {
        Reset(
            temporaryPassword: try await actions.resetPassword(
                userID: try APIInput.pathID(context), by: try context.requireUser(), address: context.clientAddress))
    }

    /// A token's name: 1 to 100 characters after trimming.
    static func tokenName(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            throw APIError(.unprocessableContent, "invalid_field", "name must be 1 to 100 characters")
        }
        return name
    }
}
