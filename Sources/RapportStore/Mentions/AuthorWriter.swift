import RapportAnalysis
import RapportCore
import SQLKit

/// Upserts authors: a new post refreshes what the network says about its author and
/// adds to the author's history (mentions, negative mentions, engagement).
enum AuthorWriter {
    static func upsert(_ db: any SQLDatabase, _ mentions: [NewMention], nowMS: Int64) async throws -> [MentionKey:
        Int64]
    {
        // One row per author per statement: PostgreSQL refuses to update a row twice in one INSERT.
        var latest: [MentionKey: Author] = [:]
        var history: [MentionKey: (mentions: Int64, negative: Int64, engagement: Int64)] = [:]
        var order: [MentionKey] = []
        for mention in mentions {
            let author = mention.post.author
            let key = author.storeKey
            if latest.updateValue(author, forKey: key) == nil { order.append(key) }
            let m = mention.post.metrics
            var h = history[key] ?? (0, 0, 0)
            h.mentions += 1
            h.negative += mention.analysis?.sentiment.label == .negative ? 1 : 0
            h.engagement += Int64(m.likes + m.reposts + m.replies + m.quotes)
            history[key] = h
        }
        var ids: [MentionKey: Int64] = [:]
        for chunk in order.chunks(of: 300) {
            var insert = db.insert(into: "authors").columns(
                "network", "external_id", "handle", "display_name", "followers", "following", "verified",
                "profile_url", "bio", "first_seen_ms", "last_seen_ms", "mention_count", "negative_count",
                "engagement_sum")
            for key in chunk {
                let a = latest[key]!
                let h = history[key]!
                insert = insert.values(
                    [
                        a.network.rawValue, a.externalID, a.handle, a.displayName, a.followers.map(Int64.init),
                        a.following.map(Int64.init), a.verified ? 1 : 0, a.profileURL, a.bio, nowMS, nowMS,
                        h.mentions, h.negative, h.engagement,
                    ] as [any Encodable & Sendable])
            }
            let rows = try await insert.onConflict(with: ["network", "external_id"]) {
                $0.set(excludedValueOf: "handle")
                    .set(SQLColumn("display_name"), to: SQLRaw("coalesce(excluded.display_name, authors.display_name)"))
                    .set(SQLColumn("followers"), to: SQLRaw("coalesce(excluded.followers, authors.followers)"))
                    .set(SQLColumn("following"), to: SQLRaw("coalesce(excluded.following, authors.following)"))
                    .set(excludedValueOf: "verified")
                    .set(SQLColumn("profile_url"), to: SQLRaw("coalesce(excluded.profile_url, authors.profile_url)"))
                    .set(SQLColumn("bio"), to: SQLRaw("coalesce(excluded.bio, authors.bio)"))
                    .set(excludedValueOf: "last_seen_ms")
                    .set(SQLColumn("mention_count"), to: SQLRaw("authors.mention_count + excluded.mention_count"))
                    .set(SQLColumn("negative_count"), to: SQLRaw("authors.negative_count + excluded.negative_count"))
                    .set(SQLColumn("engagement_sum"), to: SQLRaw("authors.engagement_sum + excluded.engagement_sum"))
            }.returning("id", "network", "external_id").all()
            for row in rows {
                ids[
                    MentionKey(
                        network: try row.decode(column: "network", as: String.self),
                        externalID: try row.decode(column: "external_id", as: String.self))] = try row.decode(
                        column: "id", as: Int64.self)
            }
        }
        return ids
    }
}
