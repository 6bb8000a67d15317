import Foundation
import SQLKit

/// Every row that belongs to one person, found from a customer id: the profile and the profiles merged into it,
/// their conversations and messages, and the social accounts (authors) that wrote their messages or that a
/// verified identity names, with all those accounts' mentions.
///
/// Unverified identities (a handle named in someone's message) are not followed to authors: erasing the person
/// must not erase a stranger's posts because of what the person claimed.
struct PersonScope: Sendable {
    /// The profile asked for first, then the profiles merged into it (directly or through others).
    var customerIDs: [Int64]
    var conversationIDs: [Int64]
    var messageIDs: [Int64]
    var authorIDs: [Int64]
    var mentionIDs: [Int64]

    var customerID: Int64 { customerIDs[0] }

    /// The scope of `customerID`, or nil when there is no such customer. A profile merged into another is the
    /// same person: the scope starts from the profile everything was merged into.
    static func find(_ db: any SQLDatabase, customerID: Int64) async throws -> PersonScope? {
        guard var root = try await mergedInto(db, customerID) else { return nil }
        var seen: Set<Int64> = [customerID]
        while let next = root.mergedInto, !seen.contains(next), let parent = try await mergedInto(db, next) {
            seen.insert(next)
            root = (next, parent.mergedInto)
        }
        var customers = [root.id]
        var frontier = [root.id]
        while !frontier.isEmpty {
            let merged = try await ids(
                db, "SELECT id FROM customers WHERE merged_into IN (%@)", frontier
            ).filter { !customers.contains($0) }
            customers += merged
            frontier = merged
        }
        // Locked on PostgreSQL: the desk worker, which locks a conversation before adding to it, waits for the erase.
        let conversations = try await ids(
            db, "SELECT id FROM conversations WHERE customer_id IN (%@)" + Dialect(db).forUpdate, customers)
        let messages = try await ids(
            db, "SELECT id FROM conversation_messages WHERE conversation_id IN (%@)", conversations)
        let messageMentions = try await ids(
            db,
            "SELECT mention_id AS id FROM conversation_messages WHERE mention_id IS NOT NULL AND conversation_id IN (%@)",
            conversations)
        var authors = Set(
            try await ids(db, "SELECT DISTINCT author_id AS id FROM mentions WHERE id IN (%@)", messageMentions))
        authors.formUnion(try await verifiedAuthors(db, customers: customers))
        let authorList = authors.sorted()
        var mentions = Set(messageMentions)
        mentions.formUnion(try await ids(db, "SELECT id FROM mentions WHERE author_id IN (%@)", authorList))
        return PersonScope(
            customerIDs: customers, conversationIDs: conversations, messageIDs: messages, authorIDs: authorList,
            mentionIDs: mentions.sorted())
    }

    private static func mergedInto(_ db: any SQLDatabase, _ id: Int64) async throws -> (id: Int64, mergedInto: Int64?)?
    {
        guard let row = try await db.raw("SELECT merged_into FROM customers WHERE id = \(bind: id)").first() else {
            return nil
        }
        return (id, try row.decode(column: "merged_into", as: Int64?.self))
    }

    /// Authors a verified identity of the person names (network and handle or account id, as
    /// `Identity.of(author)` derives identities from authors).
    private static func verifiedAuthors(_ db: any SQLDatabase, customers: [Int64]) async throws -> [Int64] {
        let identities = try await rows(
            db, "SELECT kind, value FROM customer_identities WHERE verified <> 0 AND customer_id IN (%@)", customers)
        var found: [Int64] = []
        for row in identities {
            let kind = try row.decode(column: "kind", as: String.self)
            let value = try row.decode(column: "value", as: String.self)
            guard let mapping = authorColumn(kind) else { continue }
            let (networks, column) = mapping
            let sql =
                "SELECT id FROM authors WHERE network IN (\(SQLFragment.placeholders(networks.count))) AND "
                + (column == "handle" ? "(lower(handle) = ? OR lower(handle) = ?)" : "lower(external_id) = ?")
            let binds: [any Encodable & Sendable] =
                networks + (column == "handle" ? [value.lowercased(), "@" + value.lowercased()] : [value.lowercased()])
            found += try await db.raw(SQLFragment(sql, binds).expression).all().map {
                try $0.decode(column: "id", as: Int64.self)
            }
        }
        return found
    }

    /// Which authors' column an identity kind is: the networks and `handle` or `external_id`.
    static func authorColumn(_ kind: String) -> ([String], String)? {
        switch kind {
        case "x", "instagram", "mastodon", "reddit": ([kind], "handle")
        case "bluesky_handle": (["bluesky"], "handle")
        case "bluesky_did": (["bluesky"], "external_id")
        case "facebook": (["facebook", "messenger"], "external_id")
        case "email", "phone": ([kind], "external_id")
        case "webchat_visitor": (["webchat"], "external_id")
        default: nil
        }
    }

    /// Chunk size of IN lists: far below both engines' bind limits.
    static let chunk = 500

    /// Runs `sql` (with `%@` standing for an IN list) over `values` chunk by chunk and returns the `id`s.
    static func ids(_ db: any SQLDatabase, _ sql: String, _ values: [Int64]) async throws -> [Int64] {
        try await rows(db, sql, values).map { try $0.decode(column: "id", as: Int64.self) }
    }

    static func rows(_ db: any SQLDatabase, _ sql: String, _ values: [Int64]) async throws -> [any SQLRow] {
        var result: [any SQLRow] = []
        for start in stride(from: 0, to: values.count, by: chunk) {
            let part = Array(values[start..<min(start + chunk, values.count)])
            let text = sql.replacingOccurrences(of: "%@", with: SQLFragment.placeholders(part.count))
            result += try await db.raw(SQLFragment(text, part).expression).all()
        }
        return result
    }

    /// Runs a statement (with `%@` standing for an IN list) over `values` chunk by chunk, `before` binds first.
    static func run(
        _ db: any SQLDatabase, _ sql: String, _ values: [Int64], before: [any Encodable & Sendable] = []
    ) async throws {
        for start in stride(from: 0, to: values.count, by: chunk) {
            let part = Array(values[start..<min(start + chunk, values.count)])
            let text = sql.replacingOccurrences(of: "%@", with: SQLFragment.placeholders(part.count))
            try await db.raw(SQLFragment(text, before + part).expression).run()
        }
    }
}
