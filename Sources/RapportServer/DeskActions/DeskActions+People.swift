import Foundation
import RapportStore

/// People: accounts and roles (admins), skills and capacity (supervisors), presence (everyone for
/// themselves, supervisors for anyone).
extension DeskActions {
    struct NewUser: Sendable {
        var email: String
        var name: String
        var role: String
        var password: String
    }

    func createUser(_ input: NewUser, by user: User) async throws -> User {
        try Self.require(.admin, user)
        return try await desk.createUser(
            email: input.email, name: input.name, role: input.role, password: input.password, by: user.id)
    }

    /// What changes on a person; nil fields stay.
    struct PersonUpdate: Sendable {
        var role: String?
        var away: Bool?
        /// `["language:es", "product:fibre"]`.
        var skills: [String]?
        var capacity: Int?
    }

    /// Applies the update after checking each part's role: role (admins), skills and capacity
    /// (supervisors), presence (oneself, or supervisors). Returns the person as stored.
    func updatePerson(_ id: Int64, _ update: PersonUpdate, by user: User) async throws -> User {
        try Self.require(.agent, user)
        var role: Role?
        if let raw = update.role {
            try Self.require(.admin, user)
            role = try Self.role(raw)
        }
        if update.skills != nil || update.capacity != nil { try Self.require(.supervisor, user) }
        if update.away != nil, id != user.id { try Self.require(.supervisor, user) }
        guard let current = try await desk.users.user(id: id) else { throw DeskError.notFound("user", id) }
        let skills = (update.skills ?? current.skills).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let capacity = update.capacity ?? current.capacity
        if update.skills != nil || update.capacity != nil { try Self.checkWorkload(skills: skills, capacity: capacity) }
        if let role {
            guard try await desk.users.setRole(role, userID: id, by: user.id) != nil else {
                throw DeskError.notFound("user", id)
            }
        }
        if update.skills != nil || update.capacity != nil {
            guard try await desk.users.setWorkload(skills: skills, capacity: capacity, userID: id, by: user.id) else {
                throw DeskError.notFound("user", id)
            }
        }
        if let away = update.away { try await desk.users.setAway(away, userID: id) }
        guard let updated = try await desk.users.user(id: id) else { throw DeskError.notFound("user", id) }
        return updated
    }

    static func role(_ raw: String) throws -> Role {
        guard let role = Role(rawValue: raw) else {
            throw DeskError.invalid("invalid_role", field: "role", "role must be admin, supervisor, agent or analyst")
        }
        return role
    }

    static func checkWorkload(skills: [String], capacity: Int) throws {
        guard (0...500).contains(capacity) else {
            throw DeskError.invalid("invalid_capacity", field: "capacity", "capacity is 0…500 open conversations")
        }
        guard skills.count <= 30, skills.allSatisfy({ !$0.contains(",") && $0.count <= 60 }) else {
            throw DeskError.invalid(
                "invalid_skills", field: "skills",
                "at most 30 skills like language:es or product:fibre, without commas")
        }
    }
}

/// Offboarding: an admin disables or re-enables an account, or resets its password.
extension DeskActions {
    /// Disables (or enables) a user: a disabled user's sessions end in the same transaction and their tokens are
    /// refused from the next request. An admin cannot disable themselves. Audited with `address`.
    func setDisabled(_ disabled: Bool, userID: Int64, by admin: User, address: String?) async throws -> User {
        try Self.require(.admin, admin)
        if disabled, userID == admin.id {
            throw DeskError.conflict("cannot_disable_self", "an admin cannot disable their own account")
        }
        guard let user = try await desk.users.setDisabled(disabled, userID: userID, by: admin.id, address: address)
        else { throw DeskError.notFound("user", userID) }
        return user
    }

    /// Gives the user a one-time password (returned once, only its hash is stored): their sessions end and they
    /// must choose a new password when they next sign in. Audited with `address`.
    func resetPassword(userID: Int64, by admin: User, address: String?) async throws -> String {
        try Self.require(.admin, admin)
        let temporary = String(APITokens.generate().prefix(20))
        let hash = try await Passwords.hash(temporary, cost: desk.passwordCost)
        guard try await desk.users.resetPassword(userID: userID, temporaryHash: hash, by: admin.id, address: address)
        else { throw DeskError.notFound("user", userID) }
        return temporary
    }
}
