import Foundation
import Hummingbird
import RapportDesk
import RapportIngest
import RapportStore

/// The desk's JSON API, mirroring the screens: conversations, customers, users, teams, tokens and
/// the audit log. Reads check the caller's role here; changes are `DeskActions` (which check it
/// themselves): decode → call → encode.
struct DeskAPIController {
    let desk: DeskServices
    var actions: DeskActions { desk.actions }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        let (agents, supervisors, admins) = (api.requiring(.agent), api.requiring(.supervisor), api.requiring(.admin))
        api.get("conversations", use: conversations)
        api.get("conversations/:id", use: conversation)
        agents.post("conversations/:id/replies", use: reply)
        agents.post("conversations/:id/notes", use: note)
        agents.patch("conversations/:id", use: update)
        agents.post("conversations/:id/merge", use: mergeConversation)
        agents.post("conversations/:id/move-private", use: movePrivate)
        agents.post("conversations/:id/split", use: split)
        api.get("customers", use: customers)
        api.get("customers/:id", use: customer)
        supervisors.post("customers/:id/facts", use: facts)
        supervisors.post("customers/:id/merge", use: merge)
        supervisors.post("customers/merges/:id/undo", use: unmerge)
        api.get("users", use: users)
        admins.post("users", use: createUser)
        agents.patch("users/:id", use: updateUser)
        api.get("teams", use: teams)
        admins.post("teams", use: createTeam)
        api.get("audit", use: audit)
    }

    struct Items<T: Encodable & Sendable>: ResponseEncodable, Sendable { var items: [T] }

    @Sendable func conversations(_ request: Request, context: AppRequestContext) async throws
        -> Items<ConversationSummary>
    {
        let user = try require(.analyst, context)
        let q = request.uri.queryParameters
        let limit = try q.get("limit").map { raw -> Int in
            guard let limit = Int(raw) else {
                throw DeskError(.badRequest, "invalid_limit", "limit must be 1…500", field: "limit")
            }
            return limit
        }
        let inbox = try await actions.inbox(
            .init(
                queue: q.get("queue"), status: q.get("status"), network: q.get("network"), search: q.get("q"),
                limit: limit ?? 50), for: user, defaultQueue: "all", now: Date())
        return Items(items: inbox.rows)
    }

    struct ConversationBody: ResponseEncodable, Sendable {
        var conversation: ConversationSummary
        var tags: [String]
        var messages: [ConversationMessage]
        var history: [ConversationHistoryEntry]
        /// Known incidents linked to it, open first.
        var incidents: [LinkedIncident]
    }

    @Sendable func conversation(_ request: Request, context: AppRequestContext) async throws -> ConversationBody {
        let user = try require(.analyst, context)
        return try await conversationBody(try APIInput.pathID(context), for: user)
    }

    private func conversationBody(_ id: Int64, for user: User) async throws -> ConversationBody {
        let d = try await actions.conversation(id, for: user)
        let incidents = try await AnnouncementStore(database: desk.database).incidents(conversationIDs: [id])[id] ?? []
        return ConversationBody(
            conversation: d.summary, tags: d.tags, messages: d.messages, history: d.history, incidents: incidents)
    }

    struct TextInput: Decodable { var text: String }
    struct Created: ResponseEncodable, Sendable { var id: Int64 }

    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        let user = try context.requireUser()
        let input = try await APIInput.decode(TextInput.self, request, context)
        let messageID = try await actions.reply(to: try APIInput.pathID(context), text: input.text, by: user)
        return EditedResponse(status: .created, response: Created(id: messageID))
    }

    @Sendable func note(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        let user = try context.requireUser()
        let input = try await APIInput.decode(TextInput.self, request, context)
        let messageID = try await actions.note(on: try APIInput.pathID(context), text: input.text, by: user)
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
        let user = try context.requireUser()
        let patch = try await APIInput.decode(ConversationPatch.self, request, context)
        let id = try APIInput.pathID(context)
        let assignee = patch.assigneeId.map { $0 == 0 ? DeskActions.Assignment.nobody : .user($0) }
        try await actions.update(
            id, .init(status: patch.status, priority: patch.priority, assignee: assignee, tags: patch.tags), by: user)
        return try await conversationBody(id, for: user)
    }

    struct IntoInput: Decodable { var into: Int64 }

    struct SplitInput: Decodable { var messageId: Int64 }

    /// `POST /api/v1/conversations/{id}/split` `{"messageId": 12}`: that message and the later ones
    /// become a new conversation (201 with it).
    @Sendable func split(_ request: Request, context: AppRequestContext) async throws
        -> EditedResponse<ConversationBody>
    {
        let user = try context.requireUser()
        let input = try await APIInput.decode(SplitInput.self, request, context)
        let newID = try await actions.split(try APIInput.pathID(context), atMessage: input.messageId, by: user)
        return EditedResponse(status: .created, response: try await conversationBody(newID, for: user))
    }

    /// `POST /api/v1/conversations/{id}/merge` `{"into": 9}`: the same customer's duplicate thread.
    @Sendable func mergeConversation(_ request: Request, context: AppRequestContext) async throws -> ConversationBody {
        let user = try context.requireUser()
        let input = try await APIInput.decode(IntoInput.self, request, context)
        try await actions.merge(try APIInput.pathID(context), into: input.into, by: user)
        return try await conversationBody(input.into, for: user)
    }

    struct MoveInput: Decodable {
        var text: String
        var publicText: String?
    }

    /// `POST /api/v1/conversations/{id}/move-private`: continue a public complaint in a DM.
    @Sendable func movePrivate(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        let user = try context.requireUser()
        let input = try await APIInput.decode(MoveInput.self, request, context)
        let newID = try await actions.movePrivate(
            try APIInput.pathID(context), .init(text: input.text, publicText: input.publicText), by: user)
        return EditedResponse(status: .created, response: Created(id: newID))
    }

    struct CustomerRow: Encodable, Sendable {
        var id: Int64
        var name: String
    }

    @Sendable func customers(_ request: Request, context: AppRequestContext) async throws -> Items<CustomerRow> {
        let user = try require(.analyst, context)
        return Items(
            items: try await actions.searchCustomers(request.uri.queryParameters.get("q") ?? "", for: user).map {
                CustomerRow(id: $0.id, name: $0.name)
            })
    }

    struct CustomerBody: ResponseEncodable, Sendable {
        var customer: CustomerProfile
        var conversations: [ConversationSummary]
    }

    @Sendable func customer(_ request: Request, context: AppRequestContext) async throws -> CustomerBody {
        let user = try require(.analyst, context)
        let found = try await actions.customer(try APIInput.pathID(context), for: user)
        return CustomerBody(customer: found.profile, conversations: found.conversations)
    }

    struct FactsInput: Decodable { var facts: [String: FactValue] }
    struct FactsBody: ResponseEncodable, Sendable { var facts: [String: FactValue] }

    /// `POST /api/v1/customers/{id}/facts` with `{"facts": {"lifetime_value": 1250, "plan": "gold"}}`.
    @Sendable func facts(_ request: Request, context: AppRequestContext) async throws -> FactsBody {
        let user = try context.requireUser()
        let input = try await APIInput.decode(FactsInput.self, request, context)
        return FactsBody(
            facts: try await actions.mergeFacts(customerID: try APIInput.pathID(context), input.facts, by: user))
    }

    struct MergeInput: Decodable { var into: Int64 }
    struct MergeBody: ResponseEncodable, Sendable { var mergeId: Int64 }

    /// `POST /api/v1/customers/{id}/merge` `{"into": 12}`: one person, two profiles.
    @Sendable func merge(_ request: Request, context: AppRequestContext) async throws -> MergeBody {
        let user = try context.requireUser()
        let input = try await APIInput.decode(MergeInput.self, request, context)
        return MergeBody(
            mergeId: try await actions.mergeCustomers(try APIInput.pathID(context), into: input.into, by: user))
    }

    struct Done: ResponseEncodable, Sendable { var done: Bool }

    @Sendable func unmerge(_ request: Request, context: AppRequestContext) async throws -> Done {
        let user = try context.requireUser()
        try await actions.unmergeCustomers(mergeID: try APIInput.pathID(context), by: user)
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
        let admin = try context.requireUser()
        let input = try await APIInput.decode(NewUser.self, request, context)
        let user = try await actions.createUser(
            .init(email: input.email, name: input.name, role: input.role, password: input.password), by: admin)
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
        let caller = try context.requireUser()
        let patch = try await APIInput.decode(UserPatch.self, request, context)
        return try await actions.updatePerson(
            try APIInput.pathID(context),
            .init(role: patch.role, away: patch.away, skills: patch.skills, capacity: patch.capacity), by: caller)
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
        let user = try context.requireUser()
        let input = try await APIInput.decode(NewTeam.self, request, context)
        let team = try await actions.createTeam(
            .init(
                name: input.name, strategy: input.strategy, supervisorID: input.supervisorId,
                members: input.members ?? []), by: user)
        return EditedResponse(status: .created, response: TeamBody(team))
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Items<AuditEntry> {
        _ = try require(.admin, context)
        return Items(
            items: try await desk.audit.recent(filter: try AuditQuery.parse(request.uri.queryParameters).filter))
    }

    private func require(_ role: Role, _ context: AppRequestContext) throws -> User {
        try RoleMiddleware.require(role, context)
        return try context.requireUser()
    }

    private func notFound(_ what: String, _ id: Int64) -> DeskError {
        DeskError.notFound(what, id)
    }
}

// The API answers with the store's user record as it is (no password hash is part of it).
extension User: ResponseEncodable {}
