import Foundation
import HTTPTypes
import Hummingbird
import RapportAnalysis
import RapportShare
import RapportStore

/// The public help center: `/help` (categories, search, articles in the reader's language first) and
/// `/help/articles/{id}`. No sign-in; published public articles only — an internal or draft article answers 404
/// exactly like a missing one, so its existence does not leak.
struct HelpCenterController {
    let renderer: WebRenderer
    let knowledgeBase: KnowledgeBaseStore

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("help", use: index)
        router.get("help/articles/:id", use: article)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let q = request.uri.queryParameters
        let query = String((q.get("q") ?? "").prefix(200))
        let category = q.get("category")
        let articles =
            query.trimmingCharacters(in: .whitespaces).isEmpty
            ? try await knowledgeBase.list(for: .everyone, category: category, limit: 100)
            : try await knowledgeBase.search(terms: SearchText.terms(query), for: .everyone, limit: 30)
        let view = HelpCenterPage.make(
            articles: articles, categories: try await knowledgeBase.categories(for: .everyone), category: category,
            query: query, language: Self.language(request.headers[.acceptLanguage]),
            chrome: PageChrome(title: "Help center", page: "help"))
        return renderer.html(.helpIndex, view)
    }

    @Sendable func article(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
            let article = try await knowledgeBase.article(id), article.isPublic
        else {
            throw APIError(.notFound, "not_found", "no such help article")
        }
        return renderer.html(
            .helpArticle, HelpArticlePage.make(article, chrome: PageChrome(title: article.title, page: "help")))
    }

    /// The first language of `Accept-Language` the analyser knows (quality order), else English.
    static func language(_ header: String?) -> String {
        guard let header else { return "en" }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased(), !tag.isEmpty else {
                return nil
            }
            let quality =
                pieces.dropFirst().compactMap { p -> Double? in
                    let kv = p.trimmingCharacters(in: .whitespaces)
                    return kv.hasPrefix("q=") ? Double(kv.dropFirst(2)) : nil
                }.first ?? 1
            return (String(tag.prefix { $0 != "-" && $0 != "_" }), quality)
        }
        return ranked.sorted { $0.1 > $1.1 }.first { LanguageDetector.supported.contains($0.0) }?.0 ?? "en"
    }
}
