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
    /// How long the last build took: a slow one (a big knowledge base) is redone in the background while the
    /// previous index keeps answering, so an edit never stalls every agent's suggestions.
    private var lastBuildSeconds: TimeInterval = 0
    private var rebuilding: Task<Void, Never>?
    /// Builds slower than this happen in the background (when there is an index to answer with meanwhile).
    static let inlineBuildLimit: TimeInterval = 0.25

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
            if built == nil || lastBuildSeconds < Self.inlineBuildLimit {
                try await rebuild(generation: generation, now: now)
            } else if rebuilding == nil {
                rebuilding = Task {
                    try? await self.rebuild(generation: generation, now: now)
                    self.finishedRebuilding()
                }
            }
        }
        guard let built else { return [] }
        return built.index.suggest(text, limit: limit).map {
            Suggestion(id: $0.id, title: built.titles[$0.id] ?? "", score: $0.score)
        }
    }

    /// Forgets the index (the next suggestion rebuilds it).
    public func invalidate() { built = nil }

    private func finishedRebuilding() { rebuilding = nil }

    private func rebuild(generation: Int64, now: Date) async throws {
        let started = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - started
            lastBuildSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
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
        // Built off the actor: meanwhile it answers from the previous index.
        let index = await Task.detached { SuggestionIndex(documents) }.value
        // A slower build of an older generation must not replace a newer index.
        if let current = built, current.generation > generation { return }
        built = (
            generation, now, index,
            Dictionary(corpus.map { ($0.article.id, $0.article.title) }, uniquingKeysWith: { a, _ in a })
        )
    }
}
