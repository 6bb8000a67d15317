import RapportCore
import SQLKit

/// Upserts authors: a new post refreshes what the network says about its author.
enum AuthorWriter {
    static func upsert(_ db: any SQLDatabase, _ authors: [Author], nowMS: Int64) async throws -> [MentionKey: Int64] {
        // One row per author per statement: PostgreSQL refuses to update a row twice in one INSERT.
        var latest: [MentionKey: Author] = [:]
        var order: [MentionKey] = []
        for author in authors {
            let key = MentionKey(network: author.network.rawValue, externalID: author.externalID)
            if latest.updateValue(author, forKey: key) == nil { order.append(key) }
        }
        var ids: [MentionKey: Int64] = [:]
        for chunk in order.chunks(of: 300) {
            var insert = db.insert(into: "authors").columns(
                "network", "external_id", "handle", "display_name", "followers", "following", "verified",
                "profile_url", "bio", "first_seen_ms", "last_seen_ms")
            for key in chunk {
                let a = latest[key]!
                insert = insert.values(
                    [
                        a.network.rawValue, a.externalID, a.handle, a.displayName, a.followers.map(Int64.init),
                        a.following.map(Int64.init), a.verified ? 1 : 0, a.profileURL, a.bio, nowMS, nowMS,
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
