import Foundation
import SQLKit

/// Signed-in sessions. Only a hash of the cookie token is stored, so a copy of the database
/// does not let anyone sign in.
public struct SessionStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A live session: its user and the CSRF token its forms must carry.
    public struct Session: Sendable, Hashable {
        public var user: User
        public var csrfToken: String
        public var expiresAt: Date
    }

    public func create(tokenHash: String, userID: Int64, csrfToken: String, expiresAt: Date) async throws {
        let now = Date().millisecondsSince1970
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO sessions (token_hash, user_id, csrf, created_ms, expires_ms)
                VALUES (\(bind: tokenHash), \(bind: userID), \(bind: csrfToken), \(bind: now),
                        \(bind: expiresAt.millisecondsSince1970))
                """
            ).run()
            try await AuditLog.record(
                db, userID: userID, action: "session.sign_in", target: "user:\(userID)",
                detail: "")
            // Expired sessions are swept on sign-in rather than by a timer.
            try await db.raw("DELETE FROM sessions WHERE expires_ms < \(bind: now)").run()
        }
    }

    /// The session for a cookie token's hash, unless expired or the user is disabled.
    public func session(tokenHash: String, now: Date = Date()) async throws -> Session? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT u.*, s.csrf AS session_csrf, s.expires_ms AS session_expires_ms
                    FROM sessions s JOIN users u ON u.id = s.user_id
                    WHERE s.token_hash = \(bind: tokenHash) AND s.expires_ms > \(bind: now.millisecondsSince1970)
                        AND u.disabled = 0
                    """
                ).first()
            else { return nil }
            return Session(
                user: try UserStore.decode(row), csrfToken: try row.decode(column: "session_csrf", as: String.self),
                expiresAt: Date(milliseconds: try row.decode(column: "session_expires_ms", as: Int64.self)))
        }
    }

    public func delete(tokenHash: String) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
        }
    }
}
