import Foundation
import Hummingbird
import RapportStore

/// The signed-in user's own page, `/account`: change the password (forced after an admin's reset: until then
/// every other page sends the user here), and personal API tokens — create (shown once), list with their last
/// use, revoke. The same store calls as `/api/v1/tokens`, so both are audited the same way.
struct AccountController {
    let renderer: WebRenderer
    let users: UserStore
    let tokens: TokenStore
    let passwordCost: UInt8

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("account", use: page)
        pages.post("account/password", use: changePassword)
        pages.post("account/tokens", use: createToken)
        pages.post("account/tokens/:id/revoke", use: revokeToken)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(context, flash: nil)
    }

    struct PasswordForm: Decodable, CSRFProtected {
        var current: String
        var password: String
        var confirm: String
        var _csrf: String?
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(PasswordForm.self, request, context)
        guard form.current.utf8.count <= 1_024, form.password.utf8.count <= 1_024,
            let found = try await users.credentials(email: user.email),
            try await Passwords.verify(form.current, hash: found.passwordHash)
        else { return try await render(context, error: "Your current password is not right.", status: .unauthorized) }
        guard form.password.count >= Passwords.minimumLength else {
            return try await render(
                context, error: "Choose a password of at least \(Passwords.minimumLength) characters.",
                status: .unprocessableContent)
        }
        guard form.password == form.confirm else {
            return try await render(context, error: "The two new passwords differ.", status: .unprocessableContent)
        }
        guard form.password != form.current else {
            return try await render(
                context, error: "Choose a password other than the current one.", status: .unprocessableContent)
        }
        let hash = try await Passwords.hash(form.password, cost: passwordCost)
        try await users.changePassword(userID: user.id, newHash: hash, address: context.clientAddress)
        var context = context
        context.user?.mustChangePassword = false
        return try await render(context, flash: "Your password was changed.")
    }

    struct TokenForm: Decodable, CSRFProtected {
        var name: String
        var _csrf: String?
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(TokenForm.self, request, context)
        let name: String
        do {
            name = try AccessController.tokenName(form.name)
        } catch {
            return try await render(
                context, error: "A token needs a name of 1 to 100 characters.", status: .unprocessableContent)
        }
        let token = APITokens.generate()
        _ = try await tokens.create(
            name: name, tokenHash: APITokens.hash(token), userID: user.id, by: user.id, address: context.clientAddress)
        return try await render(
            context, flash: "Token “\(name)” created. Copy it now: it is not shown again.", newToken: token)
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        let id = try APIInput.pathID(context)
        guard let token = try await tokens.token(id: id), !token.revoked, token.userID == user.id else {
            throw APIError(.notFound, "not_found", "no live token \(id) of yours")
        }
        _ = try await tokens.revoke(id: id, by: user.id, address: context.clientAddress)
        return Response.redirect(to: "/account", type: .normal)
    }

    private func render(
        _ context: AppRequestContext, flash: String? = nil, error: String? = nil, newToken: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser()
        let page = AccountPage.make(
            chrome: PageChrome("Your account", "account", context, flash: flash), user: user,
            tokens: try await tokens.list(userID: user.id), error: error, newToken: newToken, now: Date())
        return renderer.html(.account, page, status: status)
    }
}

/// `/account`'s view.
struct AccountPage: Sendable, Equatable {
    struct Token: Sendable, Equatable {
        var id: Int64
        var name: String
        var created: String
        var lastUsed: String
    }

    var chrome: PageChrome
    var name: String
    var email: String
    var role: String
    var mustChangePassword: Bool
    var error: String?
    var newToken: String?
    var tokens: [Token]
    var hasTokens: Bool

    static func make(
        chrome: PageChrome, user: User, tokens: [APITokenInfo], error: String?, newToken: String?, now: Date
    ) -> AccountPage {
        let rows = tokens.filter { !$0.revoked }.map {
            Token(
                id: $0.id, name: $0.name, created: ViewFormat.relative($0.createdAt, now: now),
                lastUsed: $0.lastUsedAt.map { ViewFormat.relative($0, now: now) } ?? "never")
        }
        return AccountPage(
            chrome: chrome, name: user.name, email: user.email, role: user.role.rawValue,
            mustChangePassword: user.mustChangePassword, error: error, newToken: newToken, tokens: rows,
            hasTokens: !rows.isEmpty)
    }
}
