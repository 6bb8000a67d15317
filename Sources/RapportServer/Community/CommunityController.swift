import Foundation
import HTTPTypes
import Hummingbird
import RapportCommunity
import RapportStore

/// The community's public pages: `/community/ideas` (list, new idea, idea page with comments and votes),
/// `/community/signin` (email link) and `/community/signin/{token}`, `/community/members/{id}` and account
/// deletion. Visitors read; members (their own session cookie) post, comment and vote. Every form carries the
/// member session's `_csrf`; handlers decode, call ``CommunityActions`` and redirect or render.
struct CommunityController {
    let renderer: WebRenderer
    let community: CommunityServices
    let secureCookies: Bool
    var actions: CommunityActions { community.actions }
    static let signInCookie = "rapport_community_signin"

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("community", use: home)
        router.get("community/ideas", use: ideas)
        router.get("community/ideas/new", use: newIdea)
        router.post("community/ideas", use: createIdea)
        router.get("community/ideas/:id", use: idea)
        router.post("community/ideas/:id/vote", use: vote)
        router.post("community/ideas/:id/comments", use: comment)
        router.get("community/signin", use: signInPage)
        router.post("community/signin", use: requestLink)
        router.get("community/signin/:token", use: signIn)
        router.post("community/signout", use: signOut)
        router.get("community/members/:id", use: member)
        router.post("community/account/delete", use: deleteAccount)
        router.post("community/posts/:id/report", use: report)
        addQuestionRoutes(to: router)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response.redirect(to: "/community/ideas", type: .found)
    }

    // MARK: Ideas

    @Sendable func ideas(_ request: Request, context: AppRequestContext) async throws -> Response {
        let raw = request.uri.queryParameters.get("sort") ?? "votes"
        guard let sort = IdeaRanking.Sort(rawValue: raw),
            CommunityIdeasPage.publicSorts.contains(where: { $0.0 == sort })
        else {
            throw DeskError(.badRequest, "invalid_sort", "sort must be votes, newest or status", field: "sort")
        }
        let list = try await actions.ideas(sort: sort, viewer: context.communityMember)
        return renderer.html(
            .communityIdeas,
            CommunityIdeasPage.make(chrome: CommunityChrome("Ideas", context), ideas: list, sort: sort, now: Date()))
    }

    @Sendable func newIdea(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.communityMember != nil else { return Self.toSignIn() }
        return renderer.html(
            .communityIdeaNew,
            CommunityNewIdeaPage(chrome: CommunityChrome("New idea", context), title: "", body: "", error: nil))
    }

    struct IdeaForm: Decodable, CSRFProtected {
        var title: String
        var body: String
        var _csrf: String?
    }

    @Sendable func createIdea(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, member) = try await CommunityForm.decode(IdeaForm.self, request, context)
        do {
            let post = try await actions.postIdea(title: form.title, body: form.body, by: member)
            return Response.redirect(to: "/community/ideas/\(post.id)", type: .normal)
        } catch let error as DeskError {
            // The form again with what was typed (bounded) and the problem, so nothing written is lost.
            return renderer.html(
                .communityIdeaNew,
                CommunityNewIdeaPage(
                    chrome: CommunityChrome("New idea", context), title: String(form.title.prefix(200)),
                    body: String(form.body.prefix(10_000)), error: error.message),
                status: DomainErrorMapping.apiError(error).status)
        }
    }

    @Sendable func idea(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (idea, comments) = try await actions.idea(try APIInput.pathID(context), viewer: context.communityMember)
        return renderer.html(
            .communityIdea,
            CommunityIdeaPage.make(
                chrome: CommunityChrome(idea.post.title ?? "Idea", context), idea: idea, comments: comments, now: Date()
            ))
    }

    @Sendable func vote(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, member) = try await CommunityForm.decode(CSRFForm.self, request, context)
        let id = try APIInput.pathID(context)
        _ = try await actions.vote(ideaID: id, by: member)
        return Response.redirect(to: "/community/ideas/\(id)", type: .normal)
    }

    struct CommentForm: Decodable, CSRFProtected {
        var body: String
        var _csrf: String?
    }

    @Sendable func comment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, member) = try await CommunityForm.decode(CommentForm.self, request, context)
        let id = try APIInput.pathID(context)
        let comment = try await actions.comment(ideaID: id, body: form.body, by: member)
        return Response.redirect(to: "/community/ideas/\(id)#comment-\(comment.id)", type: .normal)
    }

    struct ReportForm: Decodable, CSRFProtected {
        var reason: String?
        var _csrf: String?
    }

    /// The report button on every post; back to the post (or the list when it is now hidden).
    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, member) = try await CommunityForm.decode(ReportForm.self, request, context)
        let post = try await actions.report(postID: try APIInput.pathID(context), reason: form.reason, by: member)
        let list = post.kind == .idea || post.kind == .comment ? "/community/ideas" : "/community/questions"
        return Response.redirect(to: post.state == .published ? communityHref(post) : list, type: .normal)
    }

    // MARK: Sign-in

    static func toSignIn() -> Response { Response.redirect(to: "/community/signin", type: .found) }

    @Sendable func signInPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        signInForm(context, email: "", error: nil, sent: false, status: .ok)
    }

    private func signInForm(
        _ context: AppRequestContext, email: String, error: String?, sent: Bool, status: HTTPResponse.Status
    ) -> Response {
        // A visitor has no session: the form echoes a random value also set as a cookie (double submit).
        let token = APITokens.generate()
        var response = renderer.html(
            .communitySignIn,
            CommunitySignInPage(
                chrome: CommunityChrome("Sign in", context), formToken: token, email: String(email.prefix(320)),
                error: error, sent: sent), status: status)
        response.setCookie(cookie(Self.signInCookie, token, maxAge: 3_600))
        return response
    }

    struct SignInForm: Decodable {
        var email: String
        var name: String?
        var _csrf: String?
    }

    @Sendable func requestLink(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let form = try? await URLEncodedFormDecoder().decode(SignInForm.self, from: request, context: context)
        else {
            return signInForm(context, email: "", error: "Enter your email address.", sent: false, status: .badRequest)
        }
        guard let cookie = request.cookies[Self.signInCookie]?.value, let sent = form._csrf,
            constantTimeEquals(Array(cookie.utf8), Array(sent.utf8))
        else {
            return signInForm(
                context, email: form.email, error: "The form expired; try again.", sent: false, status: .forbidden)
        }
        let outcome: CommunityActions.SignInRequest
        do {
            outcome = try await actions.requestSignInLink(
                email: form.email, name: form.name, address: context.clientAddress)
        } catch let error as DeskError {
            return signInForm(
                context, email: form.email, error: error.message, sent: false, status: .unprocessableContent)
        }
        switch outcome {
        case .sent:
            return signInForm(context, email: form.email, error: nil, sent: true, status: .ok)
        case .limited(let seconds):
            var response = signInForm(
                context, email: form.email,
                error: "Too many sign-in links asked for. Try again in \(seconds / 60 + 1) minutes.", sent: false,
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        case .unavailable:
            return signInForm(
                context, email: form.email,
                error: "Sign-in by email is not available here yet: ask the team for an invitation.", sent: false,
                status: .serviceUnavailable)
        case .failed:
            return signInForm(
                context, email: form.email, error: "We could not send the email just now; try again in a minute.",
                sent: false, status: .serviceUnavailable)
        }
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let signedIn = try await actions.signIn(
            token: context.parameters.get("token") ?? "", address: context.clientAddress)
        var response = Response.redirect(to: "/community/members/\(signedIn.member.id)", type: .found)
        response.setCookie(
            cookie(
                CommunitySessionMiddleware.cookieName, signedIn.sessionToken,
                maxAge: Int(CommunityActions.sessionLifetime)))
        response.setCookie(cookie(Self.signInCookie, "", maxAge: 0))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await CommunityForm.decode(CSRFForm.self, request, context)
        if let token = request.cookies[CommunitySessionMiddleware.cookieName]?.value {
            try await actions.signOut(sessionToken: token)
        }
        var response = Response.redirect(to: "/community/ideas", type: .normal)
        response.setCookie(cookie(CommunitySessionMiddleware.cookieName, "", maxAge: 0))
        return response
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    // MARK: Members

    @Sendable func member(_ request: Request, context: AppRequestContext) async throws -> Response {
        let profile = try await actions.profile(memberID: try APIInput.pathID(context))
        return renderer.html(
            .communityMember,
            CommunityMemberPage.make(
                chrome: CommunityChrome(profile.member.publicName, context), profile: profile, now: Date()))
    }

    struct DeleteForm: Decodable, CSRFProtected {
        /// The member types DELETE to confirm.
        var confirm: String?
        var _csrf: String?
    }

    @Sendable func deleteAccount(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, member) = try await CommunityForm.decode(DeleteForm.self, request, context)
        guard form.confirm?.trimmingCharacters(in: .whitespaces).uppercased() == "DELETE" else {
            throw DeskError.invalid("confirm_delete", field: "confirm", "type DELETE to delete your account")
        }
        try await actions.deleteAccount(member, address: context.clientAddress)
        var response = Response.redirect(to: "/community/ideas", type: .normal)
        response.setCookie(cookie(CommunitySessionMiddleware.cookieName, "", maxAge: 0))
        return response
    }
}
