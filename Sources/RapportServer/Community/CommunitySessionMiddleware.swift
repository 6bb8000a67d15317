import Foundation
import Hummingbird
import RapportStore

/// Reads the community session cookie (`rapport_community`, apart from the desk's `rapport_session`): a
/// signed-in member and their form token go in the request context. Community pages are public, so a missing or
/// stale cookie lets the request through as a visitor; pages that need a member ask for one.
struct CommunitySessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "rapport_community"
    let members: CommunityMemberStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, token.utf8.count <= 200,
            let session = try await members.session(tokenHash: APITokens.hash(token))
        {
            context.communityMember = session.member
            context.communityCSRF = session.csrfToken
        }
        return try await next(request, context)
    }
}

/// Community form helpers.
enum CommunityForm {
    /// Decodes a community form and checks its `_csrf` against the member's session: 401 for a visitor, 403 for
    /// a wrong token.
    static func decode<T: Decodable & CSRFProtected>(
        _ type: T.Type, _ request: Request, _ context: AppRequestContext
    ) async throws -> (T, CommunityMember) {
        guard let member = context.communityMember, let expected = context.communityCSRF else {
            throw APIError(.unauthorized, "signed_out", "sign in to the community first")
        }
        let form: T
        do {
            form = try await URLEncodedFormDecoder().decode(T.self, from: request, context: context)
        } catch {
            throw APIError(.badRequest, "invalid_form", "the form is missing fields or has invalid values")
        }
        guard let sent = form._csrf, constantTimeEquals(Array(sent.utf8), Array(expected.utf8)) else {
            throw APIError(.forbidden, "csrf", "Your form expired — reload the page and try again.")
        }
        return (form, member)
    }
}
