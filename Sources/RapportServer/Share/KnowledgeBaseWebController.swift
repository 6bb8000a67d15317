import Foundation
import Hummingbird
import RapportStore

/// The desk's knowledge-base pages (`/kb`, `/kb/{id}`) and their forms, and the one-click draft from a resolved
/// conversation. Thin adapters over `DeskActions`: decode the form → call → redirect.
struct KnowledgeBaseWebController {
    let renderer: WebRenderer
    let desk: DeskServices
    var actions: DeskActions { desk.actions }

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        let (agents, supervisors) = (pages.requiring(.agent), pages.requiring(.supervisor))
        agents.get("kb", use: index)
        agents.get("kb/:id", use: article)
        supervisors.post("kb", use: create)
        supervisors.post("kb/:id", use: update)
        supervisors.post("kb/:id/delete", use: delete)
        agents.post("kb/:id/uses", use: recordUse)
        supervisors.post("conversations/:id/kb-draft", use: draft)
        agents.get("conversations/:id/experts", use: experts)
    }

    /// "Who has answered this before" for the conversation page, fetched by its script after the page is shown:
    /// the full-text match behind it is the page's slowest part (~10 ms on 100,000 conversations), and the reply box
    /// should not wait for it.
    @Sendable func experts(_ request: Request, context: AppRequestContext) async throws
        -> KnowledgeBaseController.Items<KnowledgeBaseExpert>
    {
        let user = try context.requireUser()
        return .init(items: try await desk.actions.experts(forConversation: try APIInput.pathID(context), for: user))
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let query = String((request.uri.queryParameters.get("q") ?? "").prefix(200))
        let articles =
            query.trimmingCharacters(in: .whitespaces).isEmpty
            ? try await desk.knowledgeBase.list(for: .desk)
            : try await actions.searchArticles(query, limit: 50, for: user)
        let view = KnowledgeBaseIndexPage.make(
            articles, query: query, canEdit: user.role.allows(.supervisor), now: Date(),
            chrome: PageChrome("Knowledge base", "kb", context))
        return renderer.html(.kbIndex, view)
    }

    @Sendable func article(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let article = try await actions.article(try APIInput.pathID(context), for: user)
        let view = KnowledgeBaseArticlePage.make(
            article, versions: try await desk.knowledgeBase.versions(article.id),
            usage: try await desk.knowledgeBase.usage(of: article.id), canEdit: user.role.allows(.supervisor),
            now: Date(), chrome: PageChrome(article.title, "kb", context))
        return renderer.html(.kbArticle, view)
    }

    struct ArticleForm: Decodable, CSRFProtected {
        var title: String
        var body: String
        var visibility: String
        var status: String?
        var category: String?
        var tags: String?
        var language: String?
        var _csrf: String?

        var input: DeskActions.ArticleInput {
            DeskActions.ArticleInput(
                title: title, body: body, visibility: visibility, category: category,
                tags: tags?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty },
                language: language, status: status)
        }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(ArticleForm.self, request, context)
        let id = try await actions.createArticle(form.input, by: user)
        return Response.redirect(to: "/kb/\(id)", type: .normal)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try APIInput.pathID(context)
        let form = try await WebForm.decode(ArticleForm.self, request, context)
        try await actions.updateArticle(id, form.input, by: user)
        return Response.redirect(to: "/kb/\(id)", type: .normal)
    }

    struct TokenForm: Decodable, CSRFProtected {
        var _csrf: String?
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try APIInput.pathID(context)
        _ = try await WebForm.decode(TokenForm.self, request, context)
        try await actions.deleteArticle(id, by: user)
        return Response.redirect(to: "/kb", type: .normal)
    }

    struct UseForm: Decodable, CSRFProtected {
        var conversation: Int64
        var mode: String?
        var _csrf: String?
    }

    /// Sent by desk.js when an agent inserts a suggestion into the reply box.
    @Sendable func recordUse(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try APIInput.pathID(context)
        let form = try await WebForm.decode(UseForm.self, request, context)
        try await actions.recordArticleInsertion(
            article: id, conversation: form.conversation, mode: form.mode ?? "text", by: user)
        return Response(status: .noContent)
    }

    /// "Draft an article from this answer" on a resolved conversation.
    @Sendable func draft(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let conversation = try APIInput.pathID(context)
        _ = try await WebForm.decode(TokenForm.self, request, context)
        let id = try await actions.draftArticle(fromConversation: conversation, by: user)
        return Response.redirect(to: "/kb/\(id)", type: .normal)
    }
}
