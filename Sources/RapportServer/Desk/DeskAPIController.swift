import Foundation
import Hummingbird
import RapportDesk
import RapportIngest
import RapportStore

/// The desk's JSON API, mirroring the screens: conversations, customers, users, teams, tokens and
/// the audit log. Every handler checks the caller's role (analyst reads; agent answers;
/// supervisor assigns others and imports facts; admin manages people).
struct DeskAPIController {
    let desk: DeskServices

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("conversations", use: conversations)
        api.get("conversations/:id", use: conversation)
        api.post("conversations/:id/replies", use: reply)
        api.post("conversations/:id/notes", use: note)
        api.patch("conversations/:id", use: update)
        api.post("conversations/:id/merge", use: mergeConversation)
        api.post("conversations/:id/move-private", use: movePrivate)
        api.post("conversations/:id/split", use: split)
        api.get("customers", use: customers)
        api.get("customers/:id", use: customer)
        api.post("customers/:id/facts", use: facts)
        api.post("customers/:id/merge", use: merge)
        api.post("customers/merges/:id/undo", use: unmerge)
        api.get("users", use: users)
        api.post("users", use: createUser)
        api.patch("users/:id", use: updateUser)
        api.get("teams", use: teams)
        api.post("teams", use: createTeam)
        api.post("tokens", use: createToken)
        api.get("audit", use: audit)
    }

    struct Items<T: Encodable & Sendable>: ResponseEncodable, Sendable { var items: [T] }

    @Sendable func conversations(_ request: Request, context: AppRequestContext) async throws
        -> Items<ConversationSummary>
    {
        let user = try require(.analyst, context)
        let q = request.uri.queryParameters
        let queue: InboxQueue
        switch q.get("queue") ?? "all" {
        case "mine": queue = .mine(userID: user.id)
        case "unassigned": queue = .unassigned
        case "urgent": queue = .urgent
        case "sla": queue = .slaAtRisk(before: Date().addingTimeInterval(600))
        case "all": queue = .all
        case let other:
            guard other.hasPrefix("team-"), let id = Int64(other.dropFirst(5)) else {
                throw APIError(
                    .badRequest, "invalid_queue", "queue must be mine, unassigned, urgent, sla, all or team-N")
            }
            queue = .team(id)
        }
        if let status = q.get("status"), ConversationStatus(rawValue: status) == nil {
            throw APIError(.badRequest, "invalid_status", "unknown status '\(status)'")
        }
        let limit = q.get("limit").flatMap { Int($0) } ?? 50
        guard (1...500).contains(limit) else { throw APIError(.badRequest, "invalid_limit", "limit must be 1…500") }
        return Items(
            items: try await desk.conversations.inbox(
                InboxQuery(
                    queue: queue, status: q.get("status"), network: q.get("network"), search: q.get("q"), limit: limit))
        )
    }

    struct ConversationBody: ResponseEncodable, Sendable {
        var conversation: ConversationSummary
        var tags: [String]
        var messages: [ConversationMessage]
        var history: [ConversationHistoryEntry]
    }

    @Sendable func conversation(_ request: Request, context: AppRequestContext) async throws -> ConversationBody {
        _ = try require(.analyst, context)
        return try await conversationBody(try APIInput.pathID(context))
    }

    private func conversationBody(_ id: Int64) async throws -> ConversationBody {
        guard let d = try await desk.conversations.detail(id: id) else { throw notFound("conversation", id) }
        return ConversationBody(conversation: d.summary, tags: d.tags, messages: d.messages, history: d.history)
    }

    struct TextInput: Decodable { var text: String }
    struct Created: ResponseEncodable, Sendable { var id: Int64 }

    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        let user = try require(.agent, context)
        let text = try WebController.messageText(try await APIInput.decode(TextInput.self, request, context).text)
        let id = try APIInput.pathID(context)
        guard let messageID = try await desk.conversations.reply(to: id, by: user, text: text) else {
            throw notFound("conversation", id)
        }
        desk.worker.wake()
        desk.worker.changed(id)
        return EditedResponse(status: .created, response: Created(id: messageID))
    }

    @Sendable func note(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        let user = try require(.agent, context)
        let text = try WebController.messageText(try await APIInput.decode(TextInput.self, request, context).text)
        let id = try APIInput.pathID(context)
        guard let messageID = try await desk.note(on: id, by: user, text: text) else {
            throw notFound("conversation", id)
        }
        return EditedResponse(status: .created, response: Created(id: messageID))
    }

    struct ConversationPatch: Decodable {
        var status: String?
        var priority: String?
        /// A user id; `0` unassigns.
        var assigneeId: Int64?
        var tags: [String]?
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> ConversationBody {
        let user = try require(.agent, context)
        let patch = try await APIInput.decode(ConversationPatch.self, request, context)
        var commands: [ConversationCommand] = []
        if let assignee = patch.assigneeId { commands.append(try AgentCommands.assign(assignee, by: user)) }
        if let priority = patch.priority { commands.append(try AgentCommands.priority(priority, by: user)) }
        for tag in patch.tags ?? [] { commands.append(.tag(tag, by: .agent(AgentID(user.id)))) }
        if let status = patch.status { commands.append(try AgentCommands.status(status, by: user)) }
        try await AgentCommands.perform(commands, on: try APIInput.pathID(context), desk: desk)
        return try await conversation(request, context: context)
    }

    struct IntoInput: Decodable { var into: Int64 }

    struct SplitInput: Decodable { var messageId: Int64 }

    /// `POST /api/v1/conversations/{id}/split` `{"messageId": 12}`: that message and the later ones
    /// become a new conversation (201 with it).
    @Sendable func split(_ request: Request, context: AppRequestContext) async throws
        -> EditedResponse<ConversationBody>
    {
        let user = try require(.agent, context)
        let input = try await APIInput.decode(SplitInput.self, request, context)
        let newID = try await AgentCommands.split(
            try APIInput.pathID(context), atMessage: input.messageId, by: user, desk: desk)
        return EditedResponse(status: .created, response: try await conversationBody(newID))
    }

    /// `POST /api/v1/conversations/{id}/merge` `{"into": 9}`: the same customer's duplicate thread.
    @Sendable func mergeConversation(_ request: Request, context: AppRequestContext) async throws -> ConversationBody {
        let user = try require(.agent, context)
        let input = try await APIInput.decode(IntoInput.self, request, context)
        let id = try APIInput.pathID(context)
        do {
            guard try await desk.conversations.merge(id, into: input.into, by: user) else {
                throw notFound("conversation", id)
            }
        } catch let error as ConversationError {
            throw APIError(.conflict, "invalid_merge", String(describing: error))
        }
        desk.worker.changed(id)
        desk.worker.changed(input.into)
        return try await conversationBody(input.into)
    }

    struct MoveInput: Decodable {
        var text: String
        var publicText: String?
    }

    /// `POST /api/v1/conversations/{id}/move-private`: continue a public complaint in a DM.
    @Sendable func movePrivate(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        let user = try require(.agent, context)
        let input = try await APIInput.decode(MoveInput.self, request, context)
        let text = try WebController.messageText(input.text)
        let publicText = try input.publicText.flatMap { $0.isEmpty ? nil : try WebController.messageText($0) }
        let id = try APIInput.pathID(context)
        let newID: Int64?
        do {
            newID = try await desk.conversations.movePrivate(id, by: user, privateText: text, publicText: publicText)
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "cannot_move", message)
        }
        guard let newID else { throw notFound("conversation", id) }
        desk.worker.wake()
        desk.worker.changed(id)
        desk.worker.changed(newID)
        return EditedResponse(status: .created, response: Created(id: newID))
    }

    struct CustomerRow: Encodable, Sendable {
        var id: Int64
        var name: String
    }

    @Sendable func customers(_ request: Request, context: AppRequestContext) async throws -> Items<CustomerRow> {
        _ = try require(.analyst, context)
        return Items(
            items: try await desk.customers.search(request.uri.queryParameters.get("q") ?? "").map {
                CustomerRow(id: $0.id, name: $0.name)
            })
    }

    struct CustomerBody: ResponseEncodable, Sendable {
        var customer: CustomerProfile
        var conversations: [ConversationSummary]
    }

    @Sendable func customer(_ request: Request, context: AppRequestContext) async throws -> CustomerBody {
        _ = try require(.analyst, context)
        let id = try APIInput.pathID(context)
        guard let profile = try await desk.customers.profile(id: id) else { throw notFound("customer", id) }
        return CustomerBody(
            customer: profile, conversations: try await desk.conversations.conversations(customerID: id))
    }

    struct FactsInput: Decodable { var facts: [String: FactValue] }
    struct FactsBody: ResponseEncodable, Sendable { var facts: [String: FactValue] }

    /// `POST /api/v1/customers/{id}/facts` with `{"facts": {"lifetime_value": 1250, "plan": "gold"}}`.
    @Sendable func facts(_ request: Request, context: AppRequestContext) async throws -> FactsBody {
        let user = try require(.supervisor, context)
        let input = try await APIInput.decode(FactsInput.self, request, context)
        guard input.facts.count <= 100, input.facts.keys.allSatisfy({ !$0.isEmpty && $0.count <= 64 }) else {
            throw APIError(.badRequest, "invalid_facts", "send at most 100 facts with names of 1–64 characters")
        }
        let id = try APIInput.pathID(context)
        guard let merged = try await desk.customers.mergeFacts(input.facts, customerID: id, by: user.id) else {
            throw notFound("customer", id)
        }
        return FactsBody(facts: merged)
    }

    struct MergeInput: Decodable { var into: Int64 }
    struct MergeBody: ResponseEncodable, Sendable { var mergeId: Int64 }

    /// `POST /api/v1/customers/{id}/merge` `{"into": 12}`: one person, two profiles.
    @Sendable func merge(_ request: Request, context: AppRequestContext) async throws -> MergeBody {
        let user = try require(.supervisor, context)
        let input = try await APIInput.decode(MergeInput.self, request, context)
        do {
            return MergeBody(
                mergeId: try await desk.customers.merge(
                    source: try APIInput.pathID(context), into: input.into, by: user.id))
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "invalid_merge", message)
        } catch StoreError.notFound(let message) {
            throw APIError(.notFound, "not_found", "no \(message)")
        }
    }

    struct Done: ResponseEncodable, Sendable { var done: Bool }

    @Sendable func unmerge(_ request: Request, context: AppRequestContext) async throws -> Done {
        let user = try require(.supervisor, context)
        let id = try APIInput.pathID(context)
        guard try await desk.customers.unmerge(mergeID: id, by: user.id) else {
            throw notFound("merge (or it was undone)", id)
        }
        return Done(done: true)
    }

    @Sendable func users(_ request: Request, context: AppRequestContext) async throws -> Items<User> {
        _ = try require(.supervisor, context)
        return Items(items: try await desk.users.all())
    }

    struct NewUser: Decodable {
        var email: String
        var name: String
        var role: String
        var password: String
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<User> {
        let admin = try require(.admin, context)
        let input = try await APIInput.decode(NewUser.self, request, context)
        let user = try await desk.createUser(
            email: input.email, name: input.name, role: input.role, password: input.password, by: admin.id)
        return EditedResponse(status: .created, response: user)
    }

    struct UserPatch: Decodable {
        var role: String?
        var away: Bool?
        /// `["language:es", "product:fibre"]`; with `capacity`, a supervisor's call.
        var skills: [String]?
        var capacity: Int?
    }

    @Sendable func updateUser(_ request: Request, context: AppRequestContext) async throws -> User {
        let caller = try require(.agent, context)
        let id = try APIInput.pathID(context)
        let patch = try await APIInput.decode(UserPatch.self, request, context)
        if let role = patch.role {
            _ = try require(.admin, context)
            guard let role = Role(rawValue: role) else {
                throw APIError(.badRequest, "invalid_role", "role must be admin, supervisor, agent or analyst")
            }
            guard try await desk.users.setRole(role, userID: id, by: caller.id) != nil else {
                throw notFound("user", id)
            }
        }
        if patch.skills != nil || patch.capacity != nil {
            _ = try require(.supervisor, context)
            guard let current = try await desk.users.user(id: id) else { throw notFound("user", id) }
            try await WorkloadInput.set(
                skills: patch.skills ?? current.skills, capacity: patch.capacity ?? current.capacity, userID: id,
                by: caller, desk: desk)
        }
        if let away = patch.away {
            // Agents set their own presence; supervisors set anyone's.
            if id != caller.id { _ = try require(.supervisor, context) }
            try await desk.users.setAway(away, userID: id)
        }
        guard let user = try await desk.users.user(id: id) else { throw notFound("user", id) }
        return user
    }

    struct TeamBody: ResponseEncodable, Sendable {
        var id: Int64
        var name: String
        var strategy: String
        var supervisorId: Int64?
        var members: [Int64]

        init(_ team: Team) {
            id = team.id.rawValue
            name = team.name
            strategy = team.strategy.rawValue
            supervisorId = team.supervisor?.rawValue
            members = team.members.map(\.rawValue)
        }
    }

    @Sendable func teams(_ request: Request, context: AppRequestContext) async throws -> Items<TeamBody> {
        _ = try require(.analyst, context)
        return Items(items: try await desk.teams.all().map(TeamBody.init))
    }

    struct NewTeam: Decodable {
        var name: String
        var strategy: String?
        var supervisorId: Int64?
        var members: [Int64]?
    }

    @Sendable func createTeam(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<TeamBody> {
        _ = try require(.admin, context)
        let input = try await APIInput.decode(NewTeam.self, request, context)
        let strategy =
            try input.strategy.map { value in
                guard let s = AssignmentStrategy(rawValue: value) else {
                    throw APIError(
                        .badRequest, "invalid_strategy",
                        "strategy must be manual, round_robin, by_skill or least_loaded")
                }
                return s
            } ?? .roundRobin
        guard !input.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(.badRequest, "invalid_name", "a team needs a name")
        }
        do {
            let team = try await desk.teams.create(
                name: input.name, strategy: strategy, supervisorID: input.supervisorId, members: input.members ?? [])
            return EditedResponse(status: .created, response: TeamBody(team))
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "duplicate_team", message)
        }
    }

    struct NewToken: Decodable { var name: String }
    struct TokenBody: ResponseEncodable, Sendable {
        var name: String
        var token: String
    }

    /// A personal API token carrying the caller's role; shown once.
    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<TokenBody>
    {
        let user = try require(.analyst, context)
        let input = try await APIInput.decode(NewToken.self, request, context)
        let token = APITokens.generate()
        _ = try await TokenStore(database: desk.database).create(
            name: input.name, tokenHash: APITokens.hash(token), userID: user.id)
        return EditedResponse(status: .created, response: TokenBody(name: input.name, token: token))
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Items<AuditEntry> {
        _ = try require(.admin, context)
        return Items(items: try await desk.audit.recent())
    }

    private func require(_ role: Role, _ context: AppRequestContext) throws -> User {
        try RoleMiddleware.require(role, context)
        return context.user!
    }

    private func notFound(_ what: String, _ id: Int64) -> APIError {
        APIError(.notFound, "not_found", "no \(what) \(id)")
    }
}

// The API answers with the store's user record as it is (no password hash is part of it).
extension User: ResponseEncodable {}
