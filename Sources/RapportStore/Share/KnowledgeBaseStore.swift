import Foundation
import SQLKit

/// Knowledge-base articles: each write is one transaction with its version row, its audit entry and a bump of the
/// generation number (which tells every instance's suggestion index to rebuild).
public struct KnowledgeBaseStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stores a new article as version 1. Returns its id.
    public func create(
        _ draft: KnowledgeBaseDraft, by userID: Int64, sourceConversation: Int64? = nil, at date: Date = Date()
    ) async throws -> Int64 {
        let ms = date.millisecondsSince1970
        return try await database.transaction { db in
            let id =
                try await db.raw(
                    """
                    INSERT INTO kb_articles (title, body, category, tags, language, visibility, status, search_text,
                        version, author_id, source_conversation_id, created_ms, updated_ms)
                    VALUES (\(bind: draft.title), \(bind: draft.body), \(bind: draft.category),
                        \(bind: draft.tags.joined(separator: ",")), \(bind: draft.language),
                        \(bind: draft.visibility.rawValue), \(bind: draft.status.rawValue), \(bind: draft.searchText),
                        1, \(bind: userID), \(bind: sourceConversation), \(bind: ms), \(bind: ms))
                    RETURNING id
                    """
                ).first()?.decode(column: "id", as: Int64.self) ?? 0
            try await Self.saveVersion(db, id: id, version: 1, draft, by: userID, at: ms)
            try await AuditLog.record(
                db, userID: userID, action: "kb.article.create", target: "kb_article:\(id)",
                detail: String(draft.title.prefix(200)))
            try await Self.bump(db)
            return id
        }
    }

    /// Replaces an article's content as a new version; false when there is no such article.
    public func update(_ id: Int64, _ draft: KnowledgeBaseDraft, by userID: Int64, at date: Date = Date())
        async throws -> Bool
    {
        let ms = date.millisecondsSince1970
        return try await database.transaction { db in
            let dialect = Dialect(db)
            guard
                let version = try await db.raw(
                    "SELECT version FROM kb_articles WHERE id = \(bind: id)\(unsafeRaw: dialect.forUpdate)"
                ).first()?.decode(column: "version", as: Int.self)
            else { return false }
            try await db.raw(
                """
                UPDATE kb_articles SET title = \(bind: draft.title), body = \(bind: draft.body),
                    category = \(bind: draft.category), tags = \(bind: draft.tags.joined(separator: ",")),
                    language = \(bind: draft.language), visibility = \(bind: draft.visibility.rawValue),
                    status = \(bind: draft.status.rawValue), search_text = \(bind: draft.searchText),
                    version = \(bind: version + 1), updated_ms = \(bind: ms)
                WHERE id = \(bind: id)
                """
            ).run()
            try await Self.saveVersion(db, id: id, version: version + 1, draft, by: userID, at: ms)
            try await AuditLog.record(
                db, userID: userID, action: "kb.article.update", target: "kb_article:\(id)",
                detail: "version \(version + 1): \(draft.title.prefix(180))")
            try await Self.bump(db)
            return true
        }
    }

    /// Deletes an article with its versions and usage records; false when there was none.
    public func delete(_ id: Int64, by userID: Int64) async throws -> Bool {
        try await database.transaction { db in
            guard
                let title = try await db.raw("SELECT title FROM kb_articles WHERE id = \(bind: id)").first()?
                    .decode(column: "title", as: String.self)
            else { return false }
            try await db.raw("DELETE FROM kb_usage WHERE article_id = \(bind: id)").run()
            try await db.raw("DELETE FROM kb_article_versions WHERE article_id = \(bind: id)").run()
            try await db.raw("DELETE FROM kb_articles WHERE id = \(bind: id)").run()
            try await AuditLog.record(
                db, userID: userID, action: "kb.article.delete", target: "kb_article:\(id)",
                detail: String(title.prefix(200)))
            try await Self.bump(db)
            return true
        }
    }

    public func article(_ id: Int64) async throws -> KnowledgeBaseArticle? {
        try await database.read { db in
            try await db.raw("SELECT * FROM kb_articles WHERE id = \(bind: id)").first().map(KnowledgeBaseArticle.init)
        }
    }

    /// Several articles by id, in the order asked (missing ids are left out).
    public func articles(_ ids: [Int64]) async throws -> [KnowledgeBaseArticle] {
        guard !ids.isEmpty else { return [] }
        let found = try await database.read { db in
            try await db.select().column("*").from("kb_articles").where("id", .in, ids).all()
                .map(KnowledgeBaseArticle.init)
        }
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }
    }

    /// Every version of an article, newest first, with its author's name.
    public func versions(_ id: Int64) async throws -> [KnowledgeBaseVersion] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT v.version, v.title, v.body, v.status, v.visibility, v.author_id, v.at_ms, u.name AS author_name
                FROM kb_article_versions v LEFT JOIN users u ON u.id = v.author_id
                WHERE v.article_id = \(bind: id) ORDER BY v.version DESC
                """
            ).all().map { row in
                KnowledgeBaseVersion(
                    version: try row.decode(column: "version", as: Int.self),
                    title: try row.decode(column: "title", as: String.self),
                    body: try row.decode(column: "body", as: String.self),
                    status: ArticleStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                    visibility: ArticleVisibility(rawValue: try row.decode(column: "visibility", as: String.self))
                        ?? .internal,
                    authorID: try row.decode(column: "author_id", as: Int64?.self),
                    authorName: try row.decode(column: "author_name", as: String?.self),
                    at: Date(milliseconds: try row.decode(column: "at_ms", as: Int64.self)))
            }
        }
    }

    /// The number every article change moves: a reader holding an index built at another generation rebuilds it.
    public func generation() async throws -> Int64 {
        try await database.read { db in
            try await db.raw("SELECT generation FROM kb_state WHERE id = 1").first()?
                .decode(column: "generation", as: Int64.self) ?? 0
        }
    }

    static func saveVersion(
        _ db: any SQLDatabase, id: Int64, version: Int, _ draft: KnowledgeBaseDraft, by userID: Int64, at ms: Int64
    ) async throws {
        try await db.raw(
            """
            INSERT INTO kb_article_versions (article_id, version, title, body, category, tags, language, visibility,
                status, author_id, at_ms)
            VALUES (\(bind: id), \(bind: version), \(bind: draft.title), \(bind: draft.body), \(bind: draft.category),
                \(bind: draft.tags.joined(separator: ",")), \(bind: draft.language), \(bind: draft.visibility.rawValue),
                \(bind: draft.status.rawValue), \(bind: userID), \(bind: ms))
            """
        ).run()
    }

    static func bump(_ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE kb_state SET generation = generation + 1 WHERE id = 1").run()
    }
}
