import Foundation
import SQLKit

extension KnowledgeBaseStore {
    /// Writes many articles in one transaction (the demo's articles, the benchmark's 10,000): each as version 1,
    /// one audit entry for the whole import, one generation bump. Returns their ids in order.
    public func importArticles(_ drafts: [KnowledgeBaseDraft], by userID: Int64, at date: Date = Date()) async throws
        -> [Int64]
    {
        let ms = date.millisecondsSince1970
        return try await database.transaction { db in
            var ids: [Int64] = []
            ids.reserveCapacity(drafts.count)
            for draft in drafts {
                let id =
                    try await db.raw(
                        """
                        INSERT INTO kb_articles (title, body, category, tags, language, visibility, status, search_text,
                            version, author_id, created_ms, updated_ms)
                        VALUES (\(bind: draft.title), \(bind: draft.body), \(bind: draft.category),
                            \(bind: draft.tags.joined(separator: ",")), \(bind: draft.language),
                            \(bind: draft.visibility.rawValue), \(bind: draft.status.rawValue), \(bind: draft.searchText),
                            1, \(bind: userID), \(bind: ms), \(bind: ms))
                        RETURNING id
                        """
                    ).first()?.decode(column: "id", as: Int64.self) ?? 0
                try await Self.saveVersion(db, id: id, version: 1, draft, by: userID, at: ms)
                ids.append(id)
            }
            try await AuditLog.record(
                db, userID: userID, action: "kb.article.import", target: "kb_articles",
                detail: "\(drafts.count) articles")
            try await Self.bump(db)
            return ids
        }
    }
}
