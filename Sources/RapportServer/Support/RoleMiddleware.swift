import Hummingbird
import RapportStore

/// Lets a request through only for a user with at least `minimum`'s rights. Machine tokens
/// (no user) may use the listening API but not the desk.
struct RoleMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let minimum: Role

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        try Self.require(minimum, context)
        return try await next(request, context)
    }

    /// For endpoints machine tokens may also use (ingest, listening rules): a user's token must
    /// still carry the role.
    static func requireIfUser(_ minimum: Role, _ context: Context) throws {
        if context.user != nil { try require(minimum, context) }
    }

    /// Throws 401 without a user, 403 when the user's role is too low.
    static func require(_ minimum: Role, _ context: Context) throws {
        guard let user = context.user else {
            throw APIError(.unauthorized, "user_required", "this endpoint needs a user's API token or session")
        }
        guard user.role.allows(minimum) else {
            throw APIError(
                .forbidden, "forbidden", "the \(user.role.rawValue) role cannot do this (needs \(minimum.rawValue))")
        }
    }
}

extension RouterMethods where Context == AppRequestContext {
    /// A group whose routes need at least `minimum`: the role is checked before the handler reads any input, so a
    /// role too low is refused (403) whatever it sends. The use case checks its role again.
    func requiring(_ minimum: Role) -> RouterGroup<AppRequestContext> {
        group().add(middleware: RoleMiddleware(minimum: minimum))
    }
}
