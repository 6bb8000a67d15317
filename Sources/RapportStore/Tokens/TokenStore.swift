import Foundation
import SQLKit

/// API tokens, stored as hashes only (the caller hashes; the store never sees a token).
public struct TokenStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Who an API token speaks for: a name, and the user whose role it carries (nil for machine tokens, which
    /// carry `scopes` instead).
    public struct Owner: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var userID: Int64?
        /// A machine token's scopes; nil for a personal token and for machine tokens made before scopes existed,
        /// which keep the full machine rights they had (``TokenScope/admin``).
        public var scopes: Set<TokenScope>?

        /// The scopes a machine token acts with.
        public var machineScopes: Set<TokenScope> { scopes ?? [.admin] }
    }

    /// Creates a token. `by` is the user who asked (audited); a personal token belongs to `userID`.
    @discardableResult
    public func create(
        name: String, tokenHash: String, userID: Int64? = nil, scopes: Set<TokenScope>? = nil, by actor: Int64? = nil,
        address: String? = nil
    ) async throws -> Int64 {
        let now = Date().millisecondsSince1970
        let stored = scopes.map(TokenScope.storedList)
        return try await database.transaction { db in
            let row = try await db.raw(
                """
                INSERT INTO api_tokens (name, token_hash, created_ms, user_id, scopes)
                VALUES (\(bind: name), \(bind: tokenHash), \(bind: now), \(bind: userID), \(bind: stored))
                RETURNING id
                """
            ).first()
            let id = try row?.decode(column: "id", as: Int64.self) ?? 0
            try await AuditLog.record(
                db, userID: actor ?? userID, action: "token.create",
                target: userID.map { "user:\($0)" } ?? "token:\(id)",
                detail: stored.map { "\(name) scopes \($0)" } ?? name, address: address)
            return id
        }
    }

    /// The token's owner when the hash belongs to a live token.
    public func owner(forHash tokenHash: String) async throws -> Owner? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT id, name, user_id, scopes FROM api_tokens
                    WHERE token_hash = \(bind: tokenHash) AND revoked = 0
                    """
                ).first()
            else { return nil }
            let scopes = try row.decode(column: "scopes", as: String?.self)
            return Owner(
                id: try row.decode(column: "id", as: Int64.self),
                name: try row.decode(column: "name", as: String.self),
                userID: try row.decode(column: "user_id", as: Int64?.self),
                scopes: try scopes.map { try TokenScope.parseList($0).get() })
        }
    }

    /// Tokens, newest first: one user's, or every token when `userID` is nil.
    public func list(userID: Int64? = nil, includeRevoked: Bool = false) async throws -> [APITokenInfo] {
        try await database.read { db in
            var sql = SQLQueryString(
                "SELECT id, name, user_id, scopes, created_ms, last_used_ms, revoked FROM api_tokens WHERE 1 = 1")
            if let userID { sql += " AND user_id = \(bind: userID)" }
            if !includeRevoked { sql += " AND revoked = 0" }
            sql += " ORDER BY id DESC"
            return try await db.raw(sql).all().map(APITokenInfo.init(row:))
        }
    }

    /// One token's description.
    public func token(id: Int64) async throws -> APITokenInfo? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT id, name, user_id, scopes, created_ms, last_used_ms, revoked FROM api_tokens
                WHERE id = \(bind: id)
                """
            ).first().map(APITokenInfo.init(row:))
        }
    }

    /// Revokes a live token at once (the next request with it gets 401). False when there is no such live token.
    public func revoke(id: Int64, by actor: Int64?, address: String? = nil) async throws -> Bool {
        try await database.transaction { db in
            let row = try await db.raw(
                "UPDATE api_tokens SET revoked = 1 WHERE id = \(bind: id) AND revoked = 0 RETURNING name, user_id"
            ).first()
            guard let row else { return false }
            let owner = try row.decode(column: "user_id", as: Int64?.self)
            try await AuditLog.record(
                db, userID: actor, action: "token.revoke", target: "token:\(id)",
                detail: (try row.decode(column: "name", as: String.self)) + (owner.map { " of user:\($0)" } ?? ""),
                address: address)
            return true
        }
    }

    /// Records that a token was used now (callers throttle: once a minute is enough to show "last used").
    public func touch(id: Int64, at now: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.raw(
                "UPDATE api_tokens SET last_used_ms = \(bind: now.millisecondsSince1970) WHERE id = \(bind: id)"
            ).run()
        }
    }
}
