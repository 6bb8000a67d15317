import Foundation
import RapportShare
import RapportStore

/// The public help center's pages: the index (categories, search, articles) and one article. Pure view models.
struct HelpCenterPage: Sendable {
    struct Category: Sendable, Equatable {
        var name: String
        var count: Int
        var href: String
        var current: Bool
    }

    struct Row: Sendable, Equatable {
        var id: Int64
        var title: String
        var category: String
        var excerpt: String
    }

    var chrome: PageChrome
    var language: String
    var query: String
    var heading: String
    var categories: [Category]
    var hasCategories: Bool
    var articles: [Row]
    var empty: Bool

    /// `language` is the reader's preferred one: its articles come first.
    static func make(
        articles: [KnowledgeBaseArticle], categories: [(name: String, count: Int)], category: String?, query: String,
        language: String, chrome: PageChrome
    ) -> HelpCenterPage {
        let ordered = articles.enumerated().sorted { a, b in
            let (x, y) = (a.element.language == language, b.element.language == language)
            return x != y ? x : a.offset < b.offset
        }.map(\.element)
        return HelpCenterPage(
            chrome: chrome, language: language, query: query,
            heading: !query.isEmpty
                ? "Results for “\(query)”" : (category.map { $0.isEmpty ? "General" : $0 } ?? "Help center"),
            categories: categories.map {
                Category(
                    name: $0.name.isEmpty ? "General" : $0.name, count: $0.count,
                    href: "/help?category="
                        + ($0.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                    current: $0.name == category)
            },
            hasCategories: !categories.isEmpty,
            articles: ordered.map {
                Row(
                    id: $0.id, title: $0.title, category: $0.category.isEmpty ? "General" : $0.category,
                    excerpt: excerpt($0.body))
            },
            empty: ordered.isEmpty)
    }

    /// The first 180 characters of the article's text, without markup.
    static func excerpt(_ markdown: String) -> String {
        let text = SafeMarkdown.plainText(markdown).replacingOccurrences(of: "\n", with: " ")
        return text.count > 180 ? String(text.prefix(177)) + "…" : text
    }
}

/// One public article.
struct HelpArticlePage: Sendable {
    var chrome: PageChrome
    var id: Int64
    var title: String
    var category: String
    var language: String
    var updated: String
    /// The body rendered by `SafeMarkdown` (escaped by construction: the template may print it raw).
    var bodyHTML: String

    static func make(_ article: KnowledgeBaseArticle, chrome: PageChrome) -> HelpArticlePage {
        let format = Date.FormatStyle(date: .abbreviated, time: .omitted, timeZone: TimeZone(identifier: "UTC")!)
        return HelpArticlePage(
            chrome: chrome, id: article.id, title: article.title,
            category: article.category.isEmpty ? "General" : article.category,
            language: article.language.isEmpty ? "en" : article.language,
            updated: article.updatedAt.formatted(format), bodyHTML: SafeMarkdown.html(article.body))
    }
}
