import Foundation
import HTTPTypes
import Logging
import RapportIngest
import RapportOutbound
import RapportStore

/// The desk's stores and its background worker, built once and shared by the web pages and the API.
public struct DeskServices: Sendable {
    public let users: UserStore
    public let sessions: SessionStore
    public let conversations: ConversationStore
    public let customers: CustomerStore
    public let teams: TeamStore
    public let settings: DeskSettingsStore
    public let audit: AuditLog
    public let outbox: OutboxStore
    public let worker: DeskWorker
    public let database: Database
    /// bcrypt work factor for new passwords.
    public let passwordCost: UInt8

    public init(database: Database, dispatcher: OutboxDispatcher, passwordCost: UInt8 = 12, logger: Logger) {
        users = UserStore(database: database)
        sessions = SessionStore(database: database)
        conversations = ConversationStore(database: database)
        customers = CustomerStore(database: database)
        teams = TeamStore(database: database)
        settings = DeskSettingsStore(database: database)
        audit = AuditLog(database: database)
        outbox = OutboxStore(database: database)
        self.database = database
        worker = DeskWorker(database: database, dispatcher: dispatcher, logger: logger)
        self.passwordCost = passwordCost
    }

    /// Validates and creates a user (admin screen, API and `rapport user create`).
    public func createUser(email: String, name: String, role: String, password: String, by actor: Int64?)
        async throws -> User
    {
        guard let role = Role(rawValue: role) else {
            throw APIError(.badRequest, "invalid_role", "role must be admin, supervisor, agent or analyst")
        }
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        guard email.contains("@"), email.count <= 254, !email.contains(" ") else {
            throw APIError(.badRequest, "invalid_email", "'\(email)' is not an email address")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw APIError(.badRequest, "invalid_name", "a name is required (at most 200 characters)")
        }
        guard password.count >= Passwords.minimumLength else {
            throw APIError(
                .badRequest, "weak_password", "passwords need at least \(Passwords.minimumLength) characters")
        }
        let hash = try await Passwords.hash(password, cost: passwordCost)
        do {
            let user = try await users.create(email: email, name: name, role: role, passwordHash: hash)
            if let actor { try await audit.record(userID: actor, action: "user.create.by", target: "user:\(user.id)") }
            return user
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "duplicate_email", message)
        }
    }
}
