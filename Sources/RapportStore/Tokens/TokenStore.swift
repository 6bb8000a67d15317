import Foundation
import SQLKit

/// API tokens, stored as hashes only (the caller hashes; the store never sees a token).
public struct TokenStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(name: String, tokenHash: String) async throws -> Int64 {
        let now = Date().millisecondsSince1970
        return try await database.transaction { db in
            let row = try await db.raw(
                """
                INSERT INTO api_tokens (name, token_hash, created_ms) VALUES (\(bind: name), \(bind: tokenHash), \(bind: now))
                RETURNING id
                """
            ).first()
            return try row?.decode(column: "id", as: Int64.self) ?? 0
        }
    }

    /// The token's name when the hash belongs to a live token.
    public func name(forHash tokenHash: String) async throws -> String? {
        try await database.read { db in
            try await db.raw(
                "SELECT name FROM api_tokens WHERE token_hash = \(bind: tokenHash) AND revoked = 0"
            ).first()?.decode(column: "name", as: String.self)
        }
    }
}
