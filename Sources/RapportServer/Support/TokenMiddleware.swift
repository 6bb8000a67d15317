import Crypto
import Foundation
import Hummingbird
import RapportStore

/// Requires `Authorization: Bearer <token>` and records which token it was and, for a user's
/// token, whose role it carries.
struct TokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let tokens: TokenStore
    let users: UserStore
    let staticToken: String?
    let uses: TokenUseRecorder
    let streams: StreamLimiter

    init(tokens: TokenStore, users: UserStore, staticToken: String?, streams: StreamLimiter = StreamLimiter()) {
        self.tokens = tokens
        self.users = users
        self.staticToken = staticToken
        self.streams = streams
        uses = TokenUseRecorder(tokens: tokens)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, "missing_token", "send an API token as 'Authorization: Bearer <token>'")
        }
        guard header.lowercased().hasPrefix("bearer ") else {
            throw APIError(.unauthorized, "invalid_token", "the Authorization header must use the Bearer scheme")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        var context = context
        if let staticToken, !staticToken.isEmpty, constantTimeEquals(Array(token.utf8), Array(staticToken.utf8)) {
            context.tokenName = "configured"
            context.streamGuard = StreamGuard(limiter: streams, key: "configured") { true }
        } else if let owner = try await tokens.owner(forHash: APITokens.hash(token)) {
            context.tokenName = owner.name
            if let userID = owner.userID {
                // A user's token carries that user's current role; a disabled user's token stops working.
                guard let user = try await users.user(id: userID), !user.disabled else {
                    throw APIError(.unauthorized, "invalid_token", "the API token's user is disabled")
                }
                context.user = user
            } else {
                let required = TokenScopeRule.required(request.method, path: request.uri.path)
                guard TokenScopeRule.allows(owner.machineScopes, required) else {
                    throw APIError(
                        .forbidden, "insufficient_scope",
                        "this token's scopes (\(TokenScope.storedList(owner.machineScopes))) do not include '\(required.rawValue)'"
                    )
                }
                context.tokenScopes = owner.machineScopes
            }
            uses.used(owner.id)
            let hash = APITokens.hash(token)
            let (tokens, users, userID) = (tokens, users, owner.userID)
            context.streamGuard = StreamGuard(limiter: streams, key: userID.map { "user:\($0)" } ?? "token:\(owner.id)")
            {
                guard let owner = try? await tokens.owner(forHash: hash) else { return false }
                guard let userID = owner.userID ?? userID else { return true }
                return (try? await users.user(id: userID))?.disabled == false
            }
        } else {
            throw APIError(.unauthorized, "invalid_token", "the API token is not valid")
        }
        return try await next(request, context)
    }
}

/// API token generation and hashing (only hashes are stored).
public enum APITokens {
    /// A new random token: 32 bytes, hex.
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Compares without an early exit, so timing does not reveal how much matched.
func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for i in a.indices { difference |= a[i] ^ b[i] }
    return difference == 0
}
