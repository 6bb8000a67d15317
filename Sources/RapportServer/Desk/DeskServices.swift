import Foundation
import Logging
import RapportDesk
import RapportIngest
import RapportOutbound
import RapportStore

/// The desk's stores and its background worker, built once and shared by the web pages and the API.
/// Changes go through `DeskActions`; this type throws domain errors only, never HTTP ones.
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
    /// Carries desk changes and presence to the other instances on one PostgreSQL.
    public let bus: DeskBus
    /// Who is viewing or typing in each conversation, on every instance.
    public let presence: Presence
    public let database: Database
    public let surveys: SurveyStore
    public let notifications: NotificationStore
    public let channels: ChannelStore
    /// Networks with a configured send side (replies to others wait or fail visibly).
    public let sendingNetworks: Set<String>
    /// Base of the links customers get (surveys).
    public let publicBaseURL: String
    /// bcrypt work factor for new passwords.
    public let passwordCost: UInt8
    /// The live streams' caps, one for the API's tokens and the pages' sessions alike.
    public let streams = StreamLimiter()
    /// Team scope: whether agents and supervisors are confined to their teams' conversations.
    public let teamBoundary: TeamBoundary
    /// Knowledge-base articles, their versions and usage.
    public let knowledgeBase: KnowledgeBaseStore
    /// The suggestion index over the published articles, rebuilt when one changes.
    public let suggestions: KnowledgeBaseSuggester

    public init(
        database: Database, dispatcher: OutboxDispatcher, passwordCost: UInt8 = 12,
        publicBaseURL: String = "http://127.0.0.1:8080", teamScope: Bool = false, logger: Logger
    ) {
        teamBoundary = TeamBoundary(database: database, enabledByDefault: teamScope)
        knowledgeBase = KnowledgeBaseStore(database: database)
        suggestions = KnowledgeBaseSuggester(store: knowledgeBase)
        surveys = SurveyStore(database: database)
        notifications = NotificationStore(database: database)
        channels = ChannelStore(database: database)
        sendingNetworks = Set(dispatcher.senders.keys.map(\.rawValue))
        self.publicBaseURL = publicBaseURL
        users = UserStore(database: database)
        sessions = SessionStore(database: database)
        conversations = ConversationStore(database: database)
        customers = CustomerStore(database: database)
        teams = TeamStore(database: database)
        settings = DeskSettingsStore(database: database)
        audit = AuditLog(database: database)
        outbox = OutboxStore(database: database)
        self.database = database
        bus = DeskBus(database: database, logger: logger)
        worker = DeskWorker(database: database, dispatcher: dispatcher, bus: bus, logger: logger)
        presence = Presence(bus: bus)
        self.passwordCost = passwordCost
    }

    /// Validates and creates a user (admin screen, API and `rapport user create`). Throws
    /// `DeskError` naming the field at fault.
    public func createUser(email: String, name: String, role: String, password: String, by actor: Int64?)
        async throws -> User
    {
        let role = try DeskActions.role(role)
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        guard email.contains("@"), email.count <= 254, !email.contains(" ") else {
            throw DeskError.invalid("invalid_email", field: "email", "'\(email)' is not an email address")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw DeskError.invalid("invalid_name", field: "name", "a name is required (at most 200 characters)")
        }
        guard password.count >= Passwords.minimumLength else {
            throw DeskError.invalid(
                "weak_password", field: "password", "passwords need at least \(Passwords.minimumLength) characters")
        }
        let hash = try await Passwords.hash(password, cost: passwordCost)
        do {
            let user = try await users.create(email: email, name: name, role: role, passwordHash: hash)
            if let actor { try await audit.record(userID: actor, action: "user.create.by", target: "user:\(user.id)") }
            return user
        } catch StoreError.conflict(let message) {
            throw DeskError.conflict("duplicate_email", message)
        }
    }

    /// Creates a survey and sends its link (in the conversation's channel when one is given).
    /// Returns the link, which only the customer gets (the store keeps a hash of its token).
    public func sendSurvey(_ kind: SurveyKind, customerID: Int64, conversationID: Int64?, at date: Date = Date())
        async throws -> String
    {
        let token = APITokens.generate()
        let link = "\(publicBaseURL)/survey/\(token)"
        let text =
            kind == .csat
            ? "Thanks for talking to us. How did we do? Rate us from 1 to 5: \(link)"
            : "How likely are you to recommend us to a friend, from 0 to 10? \(link)"
        _ = try await surveys.create(
            kind: kind, customerID: customerID, conversationID: conversationID, tokenHash: APITokens.hash(token),
            message: conversationID == nil ? nil : text, expiresAt: date.addingTimeInterval(7 * 86_400), at: date)
        return link
    }
}
