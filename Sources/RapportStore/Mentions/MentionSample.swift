import Foundation
import RapportCore
import SQLKit

/// The few fields of a mention that the dashboard's recent sample needs (topics, rising terms, advocates and
/// detractors): reading 8 columns instead of a whole `Mention` keeps the page's cost down, on PostgreSQL
/// above all, where each decoded column is costly.
public struct MentionSample: Sendable, Hashable {
    public var network: String
    public var handle: String
    public var followers: Int?
    public var createdAt: Date
    public var text: String
    /// The analyser's label ("positive", "neutral", "negative"), if analysed.
    public var sentiment: String?
    public var influence: Int?
    public var topics: [String]
    public var ruleIDs: [Int64]
}

extension MentionStore {
    /// The newest `limit` mentions matching `filter` (at most 500), newest first, as samples.
    public func sample(_ filter: MentionFilter, limit: Int) async throws -> [MentionSample] {
        let dialect = database.dialect
        var query = SQLFragment(
            """
            SELECT m.network, a.handle, a.followers, m.created_ms, m.text, m.sentiment, m.influence, m.analysis,
                (SELECT \(dialect.listAggregate("r.rule_id")) FROM mention_rules r WHERE r.mention_id = m.id) AS rule_ids
            FROM mentions m JOIN authors a ON a.id = m.author_id
            """)
        let predicates = filter.predicates(dialect)
        if !predicates.isEmpty {
            query = query + SQLFragment(" WHERE ") + SQLFragment.join(predicates, separator: " AND ")
        }
        query = query + SQLFragment(" ORDER BY m.created_ms DESC, m.id DESC LIMIT ?", [max(1, min(limit, 500))])
        let finalQuery = query
        return try await database.read { db in
            let decoder = JSONDecoder()
            return try await db.raw(finalQuery.expression).all().map { row in
                let analysis = try row.decode(column: "analysis", as: String?.self)
                let topics = analysis.flatMap { try? decoder.decode(TopicsOnly.self, from: Data($0.utf8)).topics }
                return MentionSample(
                    network: try row.decode(column: "network", as: String.self),
                    handle: try row.decode(column: "handle", as: String.self),
                    followers: try row.decode(column: "followers", as: Int?.self),
                    createdAt: Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self)),
                    text: try row.decode(column: "text", as: String.self),
                    sentiment: try row.decode(column: "sentiment", as: String?.self),
                    influence: try row.decode(column: "influence", as: Int?.self), topics: topics ?? [],
                    ruleIDs: (try row.decode(column: "rule_ids", as: String?.self) ?? "").split(separator: ",")
                        .compactMap { Int64($0) })
            }
        }
    }

    /// Only the topics of a stored analysis (the decoder skips the rest).
    private struct TopicsOnly: Decodable {
        var topics: [String]?
    }
}
