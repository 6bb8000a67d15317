import Foundation
import SQLKit

/// An article inserted into a reply, and how those conversations ended.
public struct KnowledgeBaseUsage: Sendable, Hashable, Codable {
    public var inserted: Int
    public var resolved: Int
    public var ratings: Int
    public var ratingSum: Int

    public init(inserted: Int = 0, resolved: Int = 0, ratings: Int = 0, ratingSum: Int = 0) {
        (self.inserted, self.resolved, self.ratings, self.ratingSum) = (inserted, resolved, ratings, ratingSum)
    }
}

/// A published article with what the suggestion ranking learns from its use.
public struct KnowledgeBaseCorpusEntry: Sendable {
    public var article: KnowledgeBaseArticle
    public var usage: KnowledgeBaseUsage
    /// Customers' messages of resolved conversations it was inserted in (newest first, a few).
    public var resolvedQuestions: [String]
}

extension KnowledgeBaseStore {
    /// Records that `userID` inserted an article into a reply in `conversationID` (`mode`: `text` or `link`).
    public func recordUsage(
        article: Int64, conversation: Int64, by userID: Int64, mode: String, at date: Date = Date()
    ) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO kb_usage (article_id, conversation_id, user_id, mode, at_ms)
                VALUES (\(bind: article), \(bind: conversation), \(bind: userID), \(bind: mode),
                    \(bind: date.millisecondsSince1970))
                """
            ).run()
        }
    }

    /// How an article fared: insertions, how many of those conversations are resolved or closed, and their CSAT.
    public func usage(of article: Int64) async throws -> KnowledgeBaseUsage {
        try await usage(articles: [article])[article] ?? KnowledgeBaseUsage()
    }

    /// Usage of the given articles (all when nil), by article.
    public func usage(articles: [Int64]? = nil) async throws -> [Int64: KnowledgeBaseUsage] {
        try await database.read { db in
            let filter: SQLQueryString =
                articles.map { ids in
                    "WHERE u.article_id IN (\(unsafeRaw: ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")))"
                } ?? ""
            let rows = try await db.raw(
                """
                SELECT u.article_id,
                    count(*) AS inserted,
                    sum(CASE WHEN c.status IN ('resolved', 'closed') THEN 1 ELSE 0 END) AS resolved,
                    sum(CASE WHEN s.score IS NOT NULL THEN 1 ELSE 0 END) AS ratings,
                    sum(coalesce(s.score, 0)) AS rating_sum
                FROM kb_usage u
                JOIN conversations c ON c.id = u.conversation_id
                LEFT JOIN surveys s ON s.conversation_id = u.conversation_id AND s.kind = 'csat' AND s.score IS NOT NULL
                \(filter)
                GROUP BY u.article_id
                """
            ).all()
            var out: [Int64: KnowledgeBaseUsage] = [:]
            for row in rows {
                out[try row.decode(column: "article_id", as: Int64.self)] = KnowledgeBaseUsage(
                    inserted: try row.decode(column: "inserted", as: Int.self),
                    resolved: try row.decode(column: "resolved", as: Int?.self) ?? 0,
                    ratings: try row.decode(column: "ratings", as: Int?.self) ?? 0,
                    ratingSum: try row.decode(column: "rating_sum", as: Int?.self) ?? 0)
            }
            return out
        }
    }

    /// Every published article with its usage and the questions it answered: what the suggestion index is built
    /// from. Questions are the customers' messages, before the insertion, of conversations since resolved (at most
    /// `questionLimit` in all, newest first).
    public func suggestionCorpus(questionLimit: Int = 5_000) async throws -> [KnowledgeBaseCorpusEntry] {
        let articles = try await database.read { db in
            try await db.raw("SELECT * FROM kb_articles WHERE status = 'published' ORDER BY id").all()
                .map(KnowledgeBaseArticle.init)
        }
        let usage = try await usage()
        let questions = try await database.read { db in
            try await db.raw(
                """
                SELECT u.article_id, m.body FROM kb_usage u
                JOIN conversations c ON c.id = u.conversation_id AND c.status IN ('resolved', 'closed')
                JOIN conversation_messages m ON m.conversation_id = u.conversation_id AND m.direction = 'in'
                    AND m.created_ms <= u.at_ms
                ORDER BY u.at_ms DESC LIMIT \(bind: questionLimit)
                """
            ).all().map {
                (try $0.decode(column: "article_id", as: Int64.self), try $0.decode(column: "body", as: String.self))
            }
        }
        let byArticle = Dictionary(grouping: questions, by: \.0).mapValues { $0.map(\.1) }
        return articles.map {
            KnowledgeBaseCorpusEntry(
                article: $0, usage: usage[$0.id] ?? KnowledgeBaseUsage(), resolvedQuestions: byArticle[$0.id] ?? [])
        }
    }
}
