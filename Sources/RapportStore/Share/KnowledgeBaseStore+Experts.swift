import Foundation
import SQLKit

/// A colleague who resolved conversations like the one at hand.
public struct KnowledgeBaseExpert: Sendable, Hashable, Codable {
    public var userID: Int64
    public var name: String
    /// Similar conversations they resolved in the window.
    public var resolved: Int
}

extension KnowledgeBaseStore {
    /// Who has answered this before: the assignees of recently resolved conversations whose customer messages share
    /// at least two of `words` (one when only one is given), most such conversations first. The full-text match
    /// reads the newest matching messages only (`sample`), so the cost stays bounded however big the history is.
    public func experts(
        words: [String], excluding conversationID: Int64, since: Date, limit: Int = 3, sample: Int = 400
    ) async throws -> [KnowledgeBaseExpert] {
        let words = Array(words.filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }.prefix(5))
        guard !words.isEmpty else { return [] }
        var pairs: [[String]] = []
        for i in words.indices { for j in words.indices where j > i { pairs.append([words[i], words[j]]) } }
        if pairs.isEmpty { pairs = [words] }
        let groups = pairs
        let sinceMS = since.millisecondsSince1970
        return try await database.read { db in
            let matches: SQLQueryString
            switch Dialect(db) {
            case .sqlite:
                let expression = groups.map { "(" + $0.map { "\"\($0)\"" }.joined(separator: " AND ") + ")" }
                    .joined(separator: " OR ")
                matches =
                    "SELECT rowid AS id FROM mentions_fts WHERE mentions_fts MATCH \(bind: expression) ORDER BY rowid DESC LIMIT \(bind: sample)"
            case .postgres:
                let expression = groups.map { "(" + $0.joined(separator: " & ") + ")" }.joined(separator: " | ")
                matches =
                    "SELECT id FROM mentions WHERE search @@ to_tsquery('simple', \(bind: expression)) ORDER BY id DESC LIMIT \(bind: sample)"
            }
            return try await db.raw(
                """
                SELECT c.assignee_id, u.name, count(DISTINCT c.id) AS n
                FROM (\(matches)) f
                JOIN conversation_messages m ON m.mention_id = f.id
                JOIN conversations c ON c.id = m.conversation_id
                JOIN users u ON u.id = c.assignee_id
                WHERE c.status IN ('resolved', 'closed') AND c.resolved_ms >= \(bind: sinceMS)
                    AND c.id <> \(bind: conversationID)
                GROUP BY c.assignee_id, u.name
                ORDER BY n DESC, u.name LIMIT \(bind: limit)
                """
            ).all().map {
                KnowledgeBaseExpert(
                    userID: try $0.decode(column: "assignee_id", as: Int64.self),
                    name: try $0.decode(column: "name", as: String.self),
                    resolved: try $0.decode(column: "n", as: Int.self))
            }
        }
    }
}
