import Foundation
import RapportAnalysis
import RapportShare
import RapportStore

/// The knowledge base: supervisors and admins write, publish and delete articles (and draft one from a resolved
/// conversation's reply); agents read, search, get suggestions and insert articles into replies (recorded).
extension DeskActions {
    /// An article as an editor sends it (API body or form).
    struct ArticleInput: Decodable, Sendable {
        var title: String
        var body: String
        var visibility: String
        var category: String?
        var tags: [String]?
        var language: String?
        var status: String?
    }

    /// Limits of what an article may hold: beyond them the input is refused as too large (413), naming the field.
    enum ArticleLimits {
        static let title = 200
        static let body = 50_000
        static let category = 80
        static let tags = 20
        static let tag = 40
    }

    /// Checks an article and computes its search terms. Everything is checked before anything is written.
    static func articleDraft(_ input: ArticleInput) throws -> KnowledgeBaseDraft {
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else {
            throw DeskError.invalid("invalid_article", field: "title", "an article needs a title")
        }
        guard title.count <= ArticleLimits.title else {
            throw DeskError(
                .tooLarge, "title_too_long", "keep the title under \(ArticleLimits.title) characters", field: "title")
        }
        let body = input.body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else {
            throw DeskError.invalid("invalid_article", field: "body", "an article needs a body")
        }
        guard body.count <= ArticleLimits.body else {
            throw DeskError(.tooLarge, "body_too_long", "keep the body under 50,000 characters", field: "body")
        }
        guard let visibility = ArticleVisibility(rawValue: input.visibility) else {
            throw DeskError.invalid("invalid_visibility", field: "visibility", "visibility is 'internal' or 'public'")
        }
        // Published unless said otherwise: an article written through the API is meant to be used.
        guard let status = ArticleStatus(rawValue: input.status ?? "published") else {
            throw DeskError.invalid("invalid_status", field: "status", "status is 'draft' or 'published'")
        }
        let category = (input.category ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard category.count <= ArticleLimits.category else {
            throw DeskError(.tooLarge, "category_too_long", "keep the category under 80 characters", field: "category")
        }
        var tags: [String] = []
        for raw in input.tags ?? [] {
            let tag = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard !tag.isEmpty, tag.count <= ArticleLimits.tag, !tag.contains(",") else {
                throw DeskError.invalid("invalid_tag", field: "tags", "a tag is 1–40 characters without commas")
            }
            if !tags.contains(tag) { tags.append(tag) }
        }
        guard tags.count <= ArticleLimits.tags else {
            throw DeskError(.tooLarge, "too_many_tags", "at most 20 tags", field: "tags")
        }
        var language = (input.language ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if language.isEmpty {
            // The analyser reads the language when the editor does not say.
            let detected = LanguageDetector().detect(title + "\n" + body)
            language = detected == "und" ? "" : detected
        } else if !LanguageDetector.supported.contains(language) {
            throw DeskError.invalid(
                "invalid_language", field: "language",
                "language is one of \(LanguageDetector.supported.joined(separator: ", "))")
        }
        return KnowledgeBaseDraft(
            title: title, body: body, category: category, tags: tags, language: language, visibility: visibility,
            status: status,
            searchText: SearchText.indexText(title, body, tags.joined(separator: " "), category))
    }

    func createArticle(_ input: ArticleInput, by user: User) async throws -> Int64 {
        try Self.require(.supervisor, user)
        return try await desk.knowledgeBase.create(try Self.articleDraft(input), by: user.id)
    }

    func updateArticle(_ id: Int64, _ input: ArticleInput, by user: User) async throws {
        try Self.require(.supervisor, user)
        let draft = try Self.articleDraft(input)
        guard try await desk.knowledgeBase.update(id, draft, by: user.id) else {
            throw DeskError.notFound("article", id)
        }
    }

    func deleteArticle(_ id: Int64, by user: User) async throws {
        try Self.require(.supervisor, user)
        guard try await desk.knowledgeBase.delete(id, by: user.id) else { throw DeskError.notFound("article", id) }
    }

    func article(_ id: Int64, for user: User) async throws -> KnowledgeBaseArticle {
        try Self.require(.agent, user)
        guard let article = try await desk.knowledgeBase.article(id) else { throw DeskError.notFound("article", id) }
        return article
    }

    /// Search over title and body, drafts included (the desk's editors look for them too).
    func searchArticles(_ query: String, limit: Int, for user: User) async throws -> [KnowledgeBaseArticle] {
        try Self.require(.agent, user)
        guard query.count <= 1_000 else {
            throw DeskError(.tooLarge, "query_too_long", "keep the search under 1,000 characters", field: "q")
        }
        return try await desk.knowledgeBase.search(
            terms: SearchText.terms(query), for: .desk, limit: Self.limit(limit))
    }

    /// The best published articles for a customer's message.
    func suggestArticles(_ text: String, limit: Int, for user: User) async throws
        -> [KnowledgeBaseSuggester.Suggestion]
    {
        try Self.require(.agent, user)
        guard text.count <= 10_000 else {
            throw DeskError(.tooLarge, "text_too_long", "keep the text under 10,000 characters", field: "text")
        }
        return try await desk.suggestions.suggest(text, limit: Self.limit(limit, default: 5))
    }

    /// Records that the user inserted an article into a reply in a conversation they may see.
    func recordArticleInsertion(article: Int64, conversation: Int64, mode: String, by user: User) async throws {
        try Self.require(.agent, user)
        try await visibleConversation(conversation, for: user)
        guard mode == "text" || mode == "link" else {
            throw DeskError.invalid("invalid_mode", field: "mode", "mode is 'text' or 'link'")
        }
        guard try await desk.knowledgeBase.article(article) != nil else { throw DeskError.notFound("article", article) }
        try await desk.knowledgeBase.recordUsage(article: article, conversation: conversation, by: user.id, mode: mode)
    }

    /// Drafts an internal article from a resolved conversation's last agent reply, with the customer's personal
    /// data removed. Returns the draft's id.
    func draftArticle(fromConversation id: Int64, by user: User) async throws -> Int64 {
        try Self.require(.supervisor, user)
        let detail = try await conversation(id, for: user)
        guard detail.summary.status == "resolved" || detail.summary.status == "closed" else {
            throw DeskError.conflict("not_resolved", "only a resolved conversation's answer becomes an article")
        }
        // An agent's own words: automatic messages (the CSAT survey link) have no author.
        guard let reply = detail.messages.last(where: { $0.direction == .outgoing && $0.userID != nil }) else {
            throw DeskError.conflict("no_reply", "this conversation has no agent reply to draft from")
        }
        let names =
            [detail.summary.customerName]
            + detail.messages.filter { $0.direction == .incoming }.map(\.authorName)
        let question = detail.messages.first(where: { $0.direction == .incoming })?.body ?? detail.summary.subject
        let title = String(PersonalData.redact(question, names: names).prefix(120))
        let draft = try Self.articleDraft(
            ArticleInput(
                title: title.isEmpty ? "Answer from conversation \(id)" : title,
                body: PersonalData.redact(reply.body, names: names), visibility: "internal", category: nil,
                tags: nil, language: nil, status: "draft"))
        return try await desk.knowledgeBase.create(draft, by: user.id, sourceConversation: id)
    }

    /// Colleagues who resolved the most conversations like this one in the last 90 days.
    func experts(forConversation id: Int64, for user: User, now: Date = Date()) async throws -> [KnowledgeBaseExpert] {
        let detail = try await conversation(id, for: user)
        guard let latest = detail.messages.last(where: { $0.direction == .incoming }) else { return [] }
        return try await desk.knowledgeBase.experts(
            words: Self.distinctiveWords(latest.body), excluding: id, since: now.addingTimeInterval(-90 * 86_400))
    }

    /// The longest content words of a message (longer words are rarer, so they say more about what it is about).
    static func distinctiveWords(_ text: String, count: Int = 4) -> [String] {
        var seen = Set<String>()
        let words = SearchText.words(text).filter { SearchText.term($0) != nil && seen.insert($0).inserted }
        return Array(words.sorted { ($0.count, $1) > ($1.count, $0) }.prefix(count))
    }

    static func limit(_ raw: Int, default value: Int = 20) -> Int {
        raw <= 0 ? value : min(raw, 50)
    }
}

extension DeskActions {
    /// What the conversation page shows of the knowledge base: the top three published articles for the latest
    /// customer message and who resolved similar conversations. The conversation was already read through the
    /// team boundary (`detail`). A failing suggestion never takes the conversation page down with it.
    func knowledgePanel(_ detail: ConversationDetail, for user: User, now: Date = Date()) async throws
        -> ConversationKnowledgePanel.Input
    {
        guard user.role.allows(.agent),
            let latest = detail.messages.last(where: { $0.direction == .incoming })
        else { return ConversationKnowledgePanel.Input(suggested: [], experts: []) }
        let ids = (try? await desk.suggestions.suggest(latest.body, limit: 3).map(\.id)) ?? []
        // The experts are fetched by the page afterwards (`/conversations/{id}/experts`): see
        // `KnowledgeBaseWebController.experts`.
        return ConversationKnowledgePanel.Input(
            suggested: (try? await desk.knowledgeBase.articles(ids)) ?? [], experts: [], expertsSource: true)
    }
}
