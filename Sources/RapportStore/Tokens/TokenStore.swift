import Foundation
import SQLKit

/// API tokens, stored as hashes only (the caller hashes; the store never sees a token).
public struct TokenStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Who an API token speaks for: a name, and the user whose role it carries (nil for
    /// the machine tokens that only ingest and read the listening API).
    public struct Owner: Sendable, Hashable {
        public var name: String
        public var userID: Int64?
    }

    public func create(name: String, tokenHash: String, userID: Int64? = nil) async throws -> Int64 {
        let now = Date().millisecondsSince1970
        return try await database.transaction { db in
            let row = try await db.raw(
                """
                INSERT INTO api_tokens (name, token_hash, created_ms, user_id)
                VALUES (\(bind: name), \(bind: tokenHash), \(bind: now), \(bind: userID))
                RETURNING id
                """
            ).first()
            if let userID {
                try await AuditLog.record(
                    db, userID: userID, action: "token.create", target: "user:\(userID)",
                    detail: name)
            }
            return try row?.decode(column: "id", as: Int64.self) ?? 0
        }
    }

    /// The token's owner when the hash belongs to a live token.
    public func owner(forHash tokenHash: String) async throws -> Owner? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    "SELECT name, user_id FROM api_tokens WHERE token_hash = \(bind: tokenHash) AND revoked = 0"
                ).first()
            else { return nil }
            return Owner(
                name: try row.decode(column: "name", as: String.self),
                userID: try row.decode(column: "user_id", as: Int64?.self))
        }
    }
}
