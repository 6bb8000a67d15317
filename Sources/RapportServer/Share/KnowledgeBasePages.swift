import Foundation
import RapportShare
import RapportStore

/// The desk's knowledge-base screen: search, the articles, and (supervisors) the form for a new one.
struct KnowledgeBaseIndexPage: Sendable {
    struct Row: Sendable, Equatable {
        var id: Int64
        var title: String
        var category: String
        var visibility: String
        var status: String
        var isDraft: Bool
        var updated: String
    }

    var chrome: PageChrome
    var query: String
    var rows: [Row]
    var empty: Bool
    var canEdit: Bool

    static func make(
        _ articles: [KnowledgeBaseArticle], query: String, canEdit: Bool, now: Date, chrome: PageChrome
    ) -> KnowledgeBaseIndexPage {
        KnowledgeBaseIndexPage(
            chrome: chrome, query: query,
            rows: articles.map {
                Row(
                    id: $0.id, title: $0.title, category: $0.category.isEmpty ? "General" : $0.category,
                    visibility: $0.visibility.rawValue, status: $0.status.rawValue, isDraft: $0.status == .draft,
                    updated: ViewFormat.relative($0.updatedAt, now: now))
            }, empty: articles.isEmpty, canEdit: canEdit)
    }
}

/// One article on the desk: rendered body, its versions, its usage, and (supervisors) the edit form.
struct KnowledgeBaseArticlePage: Sendable {
    struct Version: Sendable, Equatable {
        var version: Int
        var title: String
        var status: String
        var author: String
        var at: String
    }

    struct Choice: Sendable, Equatable {
        var value: String
        var selected: Bool
    }

    var chrome: PageChrome
    var id: Int64
    var title: String
    var body: String
    var bodyHTML: String
    var category: String
    var tags: String
    var language: String
    var visibilities: [Choice]
    var statuses: [Choice]
    var isPublic: Bool
    var versions: [Version]
    var inserted: Int
    var resolved: Int
    var canEdit: Bool
    var sourceConversationID: Int64?

    static func make(
        _ article: KnowledgeBaseArticle, versions: [KnowledgeBaseVersion], usage: KnowledgeBaseUsage, canEdit: Bool,
        now: Date, chrome: PageChrome
    ) -> KnowledgeBaseArticlePage {
        KnowledgeBaseArticlePage(
            chrome: chrome, id: article.id, title: article.title, body: article.body,
            bodyHTML: SafeMarkdown.html(article.body), category: article.category,
            tags: article.tags.joined(separator: ", "), language: article.language,
            visibilities: ArticleVisibility.allCases.map {
                Choice(value: $0.rawValue, selected: $0 == article.visibility)
            },
            statuses: ArticleStatus.allCases.map { Choice(value: $0.rawValue, selected: $0 == article.status) },
            isPublic: article.isPublic,
            versions: versions.map {
                Version(
                    version: $0.version, title: $0.title, status: $0.status.rawValue, author: $0.authorName ?? "—",
                    at: ViewFormat.relative($0.at, now: now))
            }, inserted: usage.inserted, resolved: usage.resolved, canEdit: canEdit,
            sourceConversationID: article.sourceConversationID)
    }
}
