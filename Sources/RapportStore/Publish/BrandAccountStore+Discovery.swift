import Foundation
import RapportCore
import RapportPublish
import SQLKit

extension BrandAccountStore {
    /// Networks whose public authors can be a brand's impostor or fan account.
    static let socialNetworks = ["x", "facebook", "instagram", "mastodon", "bluesky", "reddit"]

    /// Handles listening has stored posts from whose handle or display name carries one of `brands`, that are not
    /// in the inventory: most followed first, with their latest posts. Reviewed ones only with `includeReviewed`.
    public func discovered(brands: [String], includeReviewed: Bool = false, limit: Int = 100) async throws
        -> [DiscoveredHandle]
    {
        let words = brands.map { brand in
            brand.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }.filter { !$0.isEmpty && $0.joined().count >= 3 }
        guard !words.isEmpty else { return [] }
        return try await database.read { db in
            var like: [SQLFragment] = []
            for w in words {
                // "%acme%mobile%" finds "acme_mobile" and "Acme Mobile"; LIKE's own wildcards are taken out.
                let pattern = "%" + w.map { $0.filter { $0 != "%" && $0 != "_" } }.joined(separator: "%") + "%"
                like.append(
                    SQLFragment(
                        "lower(a.handle) LIKE ? OR lower(coalesce(a.display_name, '')) LIKE ?", [pattern, pattern]))
            }
            var sql = SQLFragment(
                """
                SELECT a.id, a.network, a.handle, a.display_name, a.followers, a.last_seen_ms, r.decision
                FROM authors a LEFT JOIN brand_handle_reviews r ON r.network = a.network AND r.handle = lower(a.handle)
                WHERE a.network IN (\(SQLFragment.placeholders(Self.socialNetworks.count))) AND (
                """, Self.socialNetworks)
            sql = sql + SQLFragment.join(like, separator: " OR ") + SQLFragment(")")
            sql =
                sql
                + SQLFragment(
                    " AND NOT EXISTS (SELECT 1 FROM brand_accounts b WHERE b.network = a.network AND b.handle = lower(a.handle))"
                )
            if !includeReviewed { sql = sql + SQLFragment(" AND r.decision IS NULL") }
            sql =
                sql
                + SQLFragment(" ORDER BY coalesce(a.followers, 0) DESC, a.id LIMIT ?", [max(1, min(limit, 500)) * 2])
            var found: [DiscoveredHandle] = []
            for row in try await db.raw(sql.expression).all() {
                let handle = try row.decode(column: "handle", as: String.self)
                let name = try row.decode(column: "display_name", as: String?.self)
                // The SQL pattern is wider ("a%c%m%e" spacing); the squeezed-name rule decides.
                guard let brand = AccountGovernance.brand(carriedBy: handle, name: name, brands: brands),
                    found.count < limit
                else { continue }
                let authorID = try row.decode(column: "id", as: Int64.self)
                let count =
                    try await db.raw("SELECT COUNT(*) AS n FROM mentions WHERE author_id = \(bind: authorID)").first()?
                    .decode(column: "n", as: Int.self) ?? 0
                let posts = try await db.raw(
                    """
                    SELECT id, text, url, created_ms FROM mentions WHERE author_id = \(bind: authorID)
                    ORDER BY created_ms DESC LIMIT 3
                    """
                ).all().map {
                    DiscoveredHandle.Post(
                        id: try $0.decode(column: "id", as: Int64.self),
                        text: try $0.decode(column: "text", as: String.self),
                        url: try $0.decode(column: "url", as: String?.self),
                        createdAt: Date(milliseconds: try $0.decode(column: "created_ms", as: Int64.self)))
                }
                found.append(
                    DiscoveredHandle(
                        network: try row.decode(column: "network", as: String.self), handle: handle.lowercased(),
                        name: name, followers: try row.decode(column: "followers", as: Int64?.self), brand: brand,
                        postCount: count,
                        lastSeenAt: Date(milliseconds: try row.decode(column: "last_seen_ms", as: Int64.self)),
                        posts: posts, decision: try row.decode(column: "decision", as: String?.self)))
            }
            return found
        }
    }

    /// Records an admin's verdict on a discovered handle (`fan`, `partner`, `impersonator` or `added`), replacing
    /// an earlier one.
    public func review(
        network: String, handle: String, decision: String, note: String, by userID: Int64?, now: Date = Date()
    )
        async throws
    {
        try await database.transaction { db in
            try await db.raw(
                "DELETE FROM brand_handle_reviews WHERE network = \(bind: network) AND handle = \(bind: handle)"
            ).run()
            try await db.raw(
                """
                INSERT INTO brand_handle_reviews (network, handle, decision, note, reviewed_by, reviewed_ms)
                VALUES (\(bind: network), \(bind: handle), \(bind: decision), \(bind: note), \(bind: userID),
                    \(bind: now.millisecondsSince1970))
                """
            ).run()
        }
    }
}
