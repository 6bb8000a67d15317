import Foundation
import RapportShare
import RapportStore

/// Holds the suggestion index of the published articles and answers suggestions from memory. Before answering it
/// reads the knowledge base's generation number (one indexed row): an article written on any instance moves it, and
/// the index is rebuilt then; usage and outcomes, which change with every reply, are folded in at most every
/// `usageRefresh`.
public actor KnowledgeBaseSuggester {
    let store: KnowledgeBaseStore
    let usageRefresh: TimeInterval
    private var built: (generation: Int64, at: Date, index: SuggestionIndex, titles: [Int64: String])?

    public init(store: KnowledgeBaseStore, usageRefresh: TimeInterval = 300) {
        self.store = store
        self.usageRefresh = usageRefresh
    }

    /// One suggestion as answered: the article's id and title, and the score.
    public struct Suggestion: Sendable, Hashable, Codable {
        public var id: Int64
        public var title: String
        public var score: Double
    }

    /// The best `limit` published articles for a customer's message, best first.
    public func suggest(_ text: String, limit: Int, now: Date = Date()) async throws -> [Suggestion] {
        let generation = try await store.generation()
        if built == nil || built?.generation != generation || now.timeIntervalSince(built!.at) > usageRefresh {
            try await rebuild(generation: generation, now: now)
        }
        guard let built else { return [] }
        return built.index.suggest(text, limit: limit).map {
            Suggestion(id: $0.id, title: built.titles[$0.id] ?? "", score: $0.score)
        }
    }

    /// Forgets the index (the next suggestion rebuilds it).
    public func invalidate() { built = nil }

    private func rebuild(generation: Int64, now: Date) async throws {
        let corpus = try await store.suggestionCorpus()
        let documents = corpus.map { entry in
            KnowledgeDocument(
                id: entry.article.id, title: entry.article.title, body: entry.article.body,
                category: entry.article.category, tags: entry.article.tags, language: entry.article.language,
                usage: ArticleUsage(
                    inserted: entry.usage.inserted, resolved: entry.usage.resolved, ratings: entry.usage.ratings,
                    ratingSum: entry.usage.ratingSum),
                resolvedQuestions: entry.resolvedQuestions)
        }
        built = (
            generation, now, SuggestionIndex(documents),
            Dictionary(corpus.map { ($0.article.id, $0.article.title) }, uniquingKeysWith: { a, _ in a })
        )
    }
}
