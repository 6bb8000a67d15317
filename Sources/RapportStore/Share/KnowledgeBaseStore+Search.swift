import Foundation
import SQLKit

/// Which articles a reader may list or find.
public enum KnowledgeBaseAudience: Sendable, Hashable {
    /// Colleagues: internal and public, drafts too.
    case desk
    /// Anyone: published public articles only (the help center).
    case everyone
}

extension KnowledgeBaseStore {
    /// Articles newest first, optionally of one category.
    public func list(for audience: KnowledgeBaseAudience, category: String? = nil, limit: Int = 200) async throws
        -> [KnowledgeBaseArticle]
    {
        try await database.read { db in
            var query = db.select().column("*").from("kb_articles")
            if audience == .everyone {
                query = query.where("visibility", .equal, ArticleVisibility.public.rawValue)
                    .where("status", .equal, ArticleStatus.published.rawValue)
            }
            if let category { query = query.where("category", .equal, category) }
            return try await query.orderBy("updated_ms", .descending).orderBy("id", .descending).limit(limit).all()
                .map(KnowledgeBaseArticle.init)
        }
    }

    /// Categories with how many articles each holds, by name.
    public func categories(for audience: KnowledgeBaseAudience) async throws -> [(name: String, count: Int)] {
        try await database.read { db in
            let filter: SQLQueryString =
                audience == .everyone ? "WHERE visibility = 'public' AND status = 'published'" : ""
            return try await db.raw(
                "SELECT category, count(*) AS n FROM kb_articles \(filter) GROUP BY category ORDER BY category"
            ).all().map {
                (try $0.decode(column: "category", as: String.self), try $0.decode(column: "n", as: Int.self))
            }
        }
    }

    /// Full-text search over title and body by normalised `terms` (`RapportShare.SearchText.terms`), best first:
    /// articles holding every term, or, when none does, any of them. Terms are letters and digits only (the caller
    /// normalised them), so neither FTS5 nor tsquery syntax can be injected; anything else is dropped here again.
    public func search(terms: [String], for audience: KnowledgeBaseAudience, limit: Int = 20) async throws
        -> [KnowledgeBaseArticle]
    {
        let terms = Array(
            terms.filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }.prefix(16))
        guard !terms.isEmpty else { return [] }
        let all = try await search(terms, all: true, audience: audience, limit: limit)
        if !all.isEmpty || terms.count == 1 { return all }
        return try await search(terms, all: false, audience: audience, limit: limit)
    }

    private func search(_ terms: [String], all: Bool, audience: KnowledgeBaseAudience, limit: Int) async throws
        -> [KnowledgeBaseArticle]
    {
        try await database.read { db in
            let visible: SQLQueryString =
                audience == .everyone ? " AND a.visibility = 'public' AND a.status = 'published'" : ""
            switch Dialect(db) {
            case .sqlite:
                let expression = terms.map { "\"\($0)\"" }.joined(separator: all ? " AND " : " OR ")
                return try await db.raw(
                    """
                    SELECT a.* FROM kb_articles_fts f JOIN kb_articles a ON a.id = f.rowid
                    WHERE kb_articles_fts MATCH \(bind: expression)\(visible)
                    ORDER BY bm25(kb_articles_fts), a.id LIMIT \(bind: limit)
                    """
                ).all().map(KnowledgeBaseArticle.init)
            case .postgres:
                let expression = terms.joined(separator: all ? " & " : " | ")
                return try await db.raw(
                    """
                    SELECT a.* FROM kb_articles a
                    WHERE a.search @@ to_tsquery('simple', \(bind: expression))\(visible)
                    ORDER BY ts_rank(a.search, to_tsquery('simple', \(bind: expression))) DESC, a.id LIMIT \(bind: limit)
                    """
                ).all().map(KnowledgeBaseArticle.init)
            }
        }
    }
}
