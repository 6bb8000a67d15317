import Foundation
import RapportAnalysis
import RapportCore
import SQLKit

extension MentionStore {
    /// Mentions with ids above `id`, in id order: a stable walk for `rapport reanalyze`.
    public func mentions(afterID id: Int64, limit: Int) async throws -> [Mention] {
        let dialect = database.dialect
        return try await database.read { db in
            try await MentionRow.select(db, dialect, SQLFragment("m.id > ? ORDER BY m.id LIMIT ?", [id, limit]))
        }
    }

    /// Replaces stored analyses, in one transaction.
    public func updateAnalyses(_ updates: [(id: Int64, analysis: PostAnalysis)]) async throws {
        try await database.transaction { db in
            for (id, a) in updates {
                try await db.raw(
                    """
                    UPDATE mentions SET sentiment = \(bind: a.sentiment.label.rawValue),
                        sentiment_score = \(bind: a.sentiment.score),
                        intents = \(bind: MentionRow.joinList(a.intents.map(\.name.rawValue))),
                        analysis_language = \(bind: a.language), influence = \(bind: a.influence),
                        level = \(bind: a.level.rawValue), analysis = \(bind: AnalysisCoding.encode(a))
                    WHERE id = \(bind: id)
                    """
                ).run()
            }
        }
    }
}
