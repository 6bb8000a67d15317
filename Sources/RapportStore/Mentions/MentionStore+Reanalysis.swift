import Foundation
import RapportAnalysis
import RapportCore
import RapportInsight
import SQLKit

extension MentionStore {
    /// Mentions with ids above `id`, in id order: a stable walk for `rapport reanalyze`.
    public func mentions(afterID id: Int64, limit: Int) async throws -> [Mention] {
        let dialect = database.dialect
        return try await database.read { db in
            try await MentionRow.select(db, dialect, SQLFragment("m.id > ? ORDER BY m.id LIMIT ?", [id, limit]))
        }
    }

    /// Replaces stored analyses, in one transaction, and moves the mentions' counts in the rollups to their new
    /// sentiment, level and language (so the dashboards still agree with the rows).
    public func updateAnalyses(_ updates: [(id: Int64, analysis: PostAnalysis)]) async throws {
        guard !updates.isEmpty else { return }
        let dialect = database.dialect
        try await database.transaction { db in
            let stored = try await MentionRow.select(
                db, dialect,
                SQLFragment(
                    "m.id IN (" + SQLFragment.placeholders(updates.count) + ")",
                    updates.map { $0.id as any Encodable & Sendable }))
            let byID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var moved = RollupCounter()
            for (id, analysis) in updates {
                guard var mention = byID[id] else { continue }
                for key in RollupWriter.keys(of: mention) { moved.add(key, count: -1) }
                mention.analysis = analysis
                for key in RollupWriter.keys(of: mention) { moved.add(key, count: 1) }
            }
            try await RollupWriter.upsert(db, dialect, moved)
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
