import Foundation
import Hummingbird
import RapportStore

/// The knowledge base over the JSON API: articles (supervisors write, agents read), search, suggestions for a
/// customer's message, insertions into replies, drafts from resolved conversations and the expert finder.
/// Decode → `DeskActions` → encode; nothing else.
struct KnowledgeBaseController {
    let desk: DeskServices
    var actions: DeskActions { desk.actions }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        let (agents, supervisors) = (api.requiring(.agent), api.requiring(.supervisor))
        agents.get("kb/articles", use: list)
        supervisors.post("kb/articles", use: create)
        agents.get("kb/articles/:id", use: get)
        supervisors.put("kb/articles/:id", use: update)
        supervisors.delete("kb/articles/:id", use: delete)
        agents.post("kb/articles/:id/uses", use: recordUse)
        agents.get("kb/search", use: search)
        agents.get("kb/suggest", use: suggest)
        supervisors.post("conversations/:id/kb-draft", use: draftFromConversation)
        agents.get("conversations/:id/experts", use: experts)
    }

    struct Items<T: Encodable & Sendable>: ResponseEncodable, Sendable { var items: [T] }
    struct Created: ResponseEncodable, Sendable { var id: Int64 }
    struct Done: ResponseEncodable, Sendable { var done: Bool }

    /// An article as the API answers it.
    struct ArticleBody: ResponseEncodable, Sendable {
        var id: Int64
        var title: String
        var body: String
        var category: String
        var tags: [String]
        var language: String
        var visibility: String
        var status: String
        var version: Int
        var authorId: Int64?
        var sourceConversationId: Int64?
        var createdAt: Date
        var updatedAt: Date
        var versions: [VersionBody]?
        var usage: KnowledgeBaseUsage?

        init(_ a: KnowledgeBaseArticle, versions: [KnowledgeBaseVersion]? = nil, usage: KnowledgeBaseUsage? = nil) {
            (id, title, body, category, tags, language) = (a.id, a.title, a.body, a.category, a.tags, a.language)
            (visibility, status, version) = (a.visibility.rawValue, a.status.rawValue, a.version)
            (authorId, sourceConversationId, createdAt, updatedAt) = (
                a.authorID, a.sourceConversationID, a.createdAt, a.updatedAt
            )
            self.versions = versions.map { $0.map(VersionBody.init) }
            self.usage = usage
        }
    }

    struct VersionBody: Encodable, Sendable {
        var version: Int
        var title: String
        var status: String
        var visibility: String
        var authorId: Int64?
        var authorName: String?
        var at: Date
        init(_ v: KnowledgeBaseVersion) {
            (version, title, status, visibility) = (v.version, v.title, v.status.rawValue, v.visibility.rawValue)
            (authorId, authorName, at) = (v.authorID, v.authorName, v.at)
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Items<ArticleBody> {
        let user = try context.requireUser()
        try DeskActions.require(.agent, user)
        let category = request.uri.queryParameters.get("category")
        return Items(items: try await desk.knowledgeBase.list(for: .desk, category: category).map { ArticleBody($0) })
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        let user = try context.requireUser()
        try DeskActions.require(.supervisor, user)
        let input = try await APIInput.decode(DeskActions.ArticleInput.self, request, context)
        return EditedResponse(status: .created, response: Created(id: try await actions.createArticle(input, by: user)))
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> ArticleBody {
        let user = try context.requireUser()
        let article = try await actions.article(try APIInput.pathID(context), for: user)
        return ArticleBody(
            article, versions: try await desk.knowledgeBase.versions(article.id),
            usage: try await desk.knowledgeBase.usage(of: article.id))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> ArticleBody {
        let user = try context.requireUser()
        try DeskActions.require(.supervisor, user)
        let id = try APIInput.pathID(context)
        let input = try await APIInput.decode(DeskActions.ArticleInput.self, request, context)
        try await actions.updateArticle(id, input, by: user)
        return ArticleBody(try await actions.article(id, for: user))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Done {
        let user = try context.requireUser()
        try await actions.deleteArticle(try APIInput.pathID(context), by: user)
        return Done(done: true)
    }

    struct UseInput: Decodable {
        var conversationId: Int64
        var mode: String?
    }

    @Sendable func recordUse(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Done> {
        let user = try context.requireUser()
        try DeskActions.require(.agent, user)
        let id = try APIInput.pathID(context)
        let input = try await APIInput.decode(UseInput.self, request, context)
        try await actions.recordArticleInsertion(
            article: id, conversation: input.conversationId, mode: input.mode ?? "text", by: user)
        return EditedResponse(status: .created, response: Done(done: true))
    }

    struct Hit: Encodable, Sendable {
        var id: Int64
        var title: String
        var category: String
        var visibility: String
        var status: String
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Items<Hit> {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        let found = try await actions.searchArticles(
            q.get("q") ?? "", limit: q.get("limit").flatMap { Int($0) } ?? 20, for: user)
        return Items(
            items: found.map {
                Hit(
                    id: $0.id, title: $0.title, category: $0.category, visibility: $0.visibility.rawValue,
                    status: $0.status.rawValue)
            })
    }

    @Sendable func suggest(_ request: Request, context: AppRequestContext) async throws
        -> Items<KnowledgeBaseSuggester.Suggestion>
    {
        let user = try context.requireUser()
        let q = request.uri.queryParameters
        return Items(
            items: try await actions.suggestArticles(
                q.get("text") ?? "", limit: q.get("limit").flatMap { Int($0) } ?? 5, for: user))
    }

    @Sendable func draftFromConversation(_ request: Request, context: AppRequestContext) async throws
        -> EditedResponse<Created>
    {
        let user = try context.requireUser()
        let id = try await actions.draftArticle(fromConversation: try APIInput.pathID(context), by: user)
        return EditedResponse(status: .created, response: Created(id: id))
    }

    @Sendable func experts(_ request: Request, context: AppRequestContext) async throws -> Items<KnowledgeBaseExpert> {
        let user = try context.requireUser()
        try DeskActions.require(.agent, user)
        return Items(items: try await actions.experts(forConversation: try APIInput.pathID(context), for: user))
    }
}
