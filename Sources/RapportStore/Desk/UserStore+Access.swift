import Foundation
import SQLKit

extension UserStore {
    /// Disables or re-enables a user. Disabling ends every session at once (the next request is signed out) and
    /// stops the user's tokens (they are checked against the user on every request); recorded in the audit log.
    /// Nil when there is no such user.
    public func setDisabled(_ disabled: Bool, userID: Int64, by actor: Int64?, address: String? = nil)
        async throws -> User?
    {
        try await database.transaction { db in
            guard
                let row = try await db.raw(
                    "UPDATE users SET disabled = \(bind: disabled ? 1 : 0) WHERE id = \(bind: userID) RETURNING *"
                ).first()
            else { return nil }
            if disabled {
                try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID)").run()
            }
            let user = try Self.decode(row)
            try await AuditLog.record(
                db, userID: actor, action: disabled ? "user.disable" : "user.enable", target: "user:\(userID)",
                detail: user.email, address: address)
            return user
        }
    }

    /// An admin's reset: the password becomes `temporaryHash`, every session ends and the user must choose a new
    /// password at the next sign-in. False when there is no such user.
    public func resetPassword(userID: Int64, temporaryHash: String, by actor: Int64?, address: String? = nil)
        async throws -> Bool
    {
        try await database.transaction { db in
            guard
                try await db.raw(
                    """
                    UPDATE users SET password_hash = \(bind: temporaryHash), must_change_password = 1
                    WHERE id = \(bind: userID) RETURNING id
                    """
                ).first() != nil
            else { return false }
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID)").run()
            try await AuditLog.record(
                db, userID: actor, action: "user.password_reset", target: "user:\(userID)", detail: "",
                address: address)
            return true
        }
    }

    /// The user's own new password, which ends a forced change.
    public func changePassword(userID: Int64, newHash: String, address: String? = nil) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                UPDATE users SET password_hash = \(bind: newHash), must_change_password = 0 WHERE id = \(bind: userID)
                """
            ).run()
            try await AuditLog.record(
                db, userID: userID, action: "user.password_change", target: "user:\(userID)", detail: "",
                address: address)
        }
    }

    /// The user with this email (canonical form), if any.
    public func user(email: String) async throws -> User? {
        let email = Self.normalise(email)
        return try await database.read { db in
            try await db.raw("SELECT * FROM users WHERE email = \(bind: email)").first().map(Self.decode)
        }
    }
}
