/// An article as the suggestion ranking sees it: its text, and what the desk learned from using it.
public struct KnowledgeDocument: Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var body: String
    public var category: String
    public var tags: [String]
    /// The article's language (`en`, `fr`, …), or empty when unknown.
    public var language: String
    public var usage: ArticleUsage
    /// The customers' messages of resolved conversations in which the article was inserted: the ways people
    /// actually asked for it, which the ranking matches like a second, smaller body.
    public var resolvedQuestions: [String]

    public init(
        id: Int64, title: String, body: String, category: String = "", tags: [String] = [], language: String = "",
        usage: ArticleUsage = ArticleUsage(), resolvedQuestions: [String] = []
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.category = category
        self.tags = tags
        self.language = language
        self.usage = usage
        self.resolvedQuestions = resolvedQuestions
    }
}

/// How an article fared when agents inserted it.
public struct ArticleUsage: Sendable, Hashable, Codable {
    /// Times inserted into a reply.
    public var inserted: Int
    /// Of those, conversations that are now resolved.
    public var resolved: Int
    /// Satisfaction ratings (1–5) of those conversations: how many, and their sum.
    public var ratings: Int
    public var ratingSum: Int

    public init(inserted: Int = 0, resolved: Int = 0, ratings: Int = 0, ratingSum: Int = 0) {
        self.inserted = inserted
        self.resolved = resolved
        self.ratings = ratings
        self.ratingSum = ratingSum
    }
}

/// One suggested article and how strongly it matched (comparable within one answer only).
public struct RankedArticle: Sendable, Hashable {
    public var id: Int64
    public var score: Double

    public init(id: Int64, score: Double) {
        self.id = id
        self.score = score
    }
}
