import RapportAnalysis
import RapportCore
import SQLKit

extension MentionStore {
    /// What Rapport already knows about these authors (for the influence score), keyed by
    /// ``Author/storeKey``. Authors never seen are absent.
    public func authorHistories(_ authors: [Author]) async throws -> [MentionKey: AuthorHistory] {
        var result: [MentionKey: AuthorHistory] = [:]
        let groups = Dictionary(grouping: Set(authors.map(\.storeKey)), by: \.network)
        for (network, keys) in groups {
            for chunk in Array(keys).chunks(of: 500) {
                let query = SQLFragment(
                    "SELECT external_id, mention_count, negative_count, engagement_sum FROM authors WHERE network = ? AND external_id IN ("
                        + SQLFragment.placeholders(chunk.count) + ")",
                    [network] + chunk.map { $0.externalID as any Encodable & Sendable })
                let rows = try await database.read { db in try await db.raw(query.expression).all() }
                for row in rows {
                    let count = try row.decode(column: "mention_count", as: Int.self)
                    guard count > 0 else { continue }
                    let id = try row.decode(column: "external_id", as: String.self)
                    result[MentionKey(network: network, externalID: id)] = AuthorHistory(
                        mentionCount: count, negativeCount: try row.decode(column: "negative_count", as: Int.self),
                        averageEngagement: Double(try row.decode(column: "engagement_sum", as: Int64.self))
                            / Double(count))
                }
            }
        }
        return result
    }
}
