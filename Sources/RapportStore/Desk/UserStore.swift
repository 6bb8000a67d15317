import Foundation
import RapportCore
import SQLKit

/// Users of the desk. Passwords arrive already hashed (bcrypt, by the server module).
public struct UserStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Creates a user; emails are unique (case-insensitive).
    public func create(email: String, name: String, role: Role, passwordHash: String, skills: [String] = [])
        async throws -> User
    {
        let email = Self.normalise(email)
        let now = Date().millisecondsSince1970
        return try await database.transaction { db in
            if try await db.raw("SELECT id FROM users WHERE email = \(bind: email)").first() != nil {
                throw StoreError.conflict("a user with email '\(email)' already exists")
            }
            let row = try await db.raw(
                """
                INSERT INTO users (email, name, role, password_hash, skills, created_ms)
                VALUES (\(bind: email), \(bind: name), \(bind: role.rawValue), \(bind: passwordHash),
                        \(bind: skills.joined(separator: ",")), \(bind: now))
                RETURNING *
                """
            ).first()
            guard let row else { throw StoreError.notFound("inserted user") }
            let user = try Self.decode(row)
            try await AuditLog.record(
                db, userID: nil, action: "user.create", target: "user:\(user.id)",
                detail: "\(email) as \(role.rawValue)")
            return user
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await database.read { db in
            try await db.raw("SELECT * FROM users WHERE id = \(bind: id)").first().map(Self.decode)
        }
    }

    /// The user and their password hash, for sign-in.
    public func credentials(email: String) async throws -> (user: User, passwordHash: String)? {
        let email = Self.normalise(email)
        return try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM users WHERE email = \(bind: email)").first() else {
                return nil
            }
            return (try Self.decode(row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    public func all() async throws -> [User] {
        try await database.read { db in
            try await db.raw("SELECT * FROM users ORDER BY name, id").all().map(Self.decode)
        }
    }

    /// Changes a user's role; recorded in the audit log with who did it.
    public func setRole(_ role: Role, userID: Int64, by actor: Int64?) async throws -> User? {
        try await database.transaction { db in
            guard
                let row = try await db.raw(
                    "UPDATE users SET role = \(bind: role.rawValue) WHERE id = \(bind: userID) RETURNING *"
                ).first()
            else { return nil }
            try await AuditLog.record(
                db, userID: actor, action: "user.role", target: "user:\(userID)",
                detail: role.rawValue)
            return try Self.decode(row)
        }
    }

    /// Replaces a user's password hash (the demo's fresh credentials, a reset by an admin).
    public func setPasswordHash(_ hash: String, userID: Int64, by actor: Int64?) async throws {
        try await database.transaction { db in
            try await db.raw("UPDATE users SET password_hash = \(bind: hash) WHERE id = \(bind: userID)").run()
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID)").run()
            try await AuditLog.record(db, userID: actor, action: "user.password", target: "user:\(userID)", detail: "")
        }
    }

    /// Sets what an agent can handle (`language:es`, `product:fibre`) and how many open
    /// conversations they carry at most; audited.
    public func setWorkload(skills: [String], capacity: Int, userID: Int64, by actor: Int64?) async throws -> Bool {
        let clean = skills.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        return try await database.transaction { db in
            let updated = try await db.raw(
                """
                UPDATE users SET skills = \(bind: clean.joined(separator: ",")), capacity = \(bind: capacity)
                WHERE id = \(bind: userID) RETURNING id
                """
            ).first()
            guard updated != nil else { return false }
            try await AuditLog.record(
                db, userID: actor, action: "user.workload", target: "user:\(userID)",
                detail: "capacity \(capacity); skills \(clean.joined(separator: ","))")
            return true
        }
    }

    /// Marks an agent away (gets no new conversations) or back.
    public func setAway(_ away: Bool, userID: Int64) async throws {
        try await database.transaction { db in
            try await db.raw("UPDATE users SET away = \(bind: away ? 1 : 0) WHERE id = \(bind: userID)").run()
        }
    }

    /// The canonical form used for storage, look-up and sign-in limiting (``AccountEmail``); input that has no
    /// canonical form (empty, oversized) matches no account.
    static func normalise(_ email: String) -> String {
        AccountEmail.normalized(email) ?? ""
    }

    static func decode(_ row: any SQLRow) throws -> User {
        let skills = try row.decode(column: "skills", as: String.self)
        return User(
            id: try row.decode(column: "id", as: Int64.self),
            email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .analyst,
            isAway: try row.decode(column: "away", as: Int.self) != 0,
            capacity: try row.decode(column: "capacity", as: Int.self),
            skills: skills.split(separator: ",").map(String.init),
            disabled: try row.decode(column: "disabled", as: Int.self) != 0,
            mustChangePassword: (try? row.decode(column: "must_change_password", as: Int.self)) == 1)
    }
}
