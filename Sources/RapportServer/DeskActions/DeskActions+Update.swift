import Foundation
import RapportDesk
import RapportStore

/// Changing a conversation's status, owner, priority and tags.
extension DeskActions {
    /// Who a conversation is handed to.
    enum Assignment: Sendable, Equatable {
        case nobody
        case user(Int64)
    }

    /// The changes asked for; nil fields stay as they are. Statuses and priorities come as the
    /// words clients send and are checked here.
    struct ConversationUpdate: Sendable {
        var status: String?
        var priority: String?
        var assignee: Assignment?
        var tags: [String]?

        init(status: String? = nil, priority: String? = nil, assignee: Assignment? = nil, tags: [String]? = nil) {
            self.status = status
            self.priority = priority
            self.assignee = assignee
            self.tags = tags
        }
    }

    /// Applies the update in one transaction; an illegal change (reopening a closed conversation,
    /// say) throws `ConversationError` and changes nothing. An agent resolving a conversation they
    /// answered sends the customer a CSAT survey (once, with consent). Someone handed the
    /// conversation by a colleague gets a bell.
    func update(_ id: Int64, _ update: ConversationUpdate, by user: User, at date: Date = Date()) async throws {
        try Self.require(.agent, user)
        try await visibleConversation(id, for: user)
        let commands = try Self.commands(for: update, by: user)
        let before = try await desk.conversations.detail(id: id)?.summary
        guard let before, try await desk.conversations.perform(commands, on: id, at: date) else {
            throw DeskError.notFound("conversation", id)
        }
        var surveyed = false
        if before.status != "resolved", before.firstResponseAt != nil,
            try await desk.conversations.detail(id: id)?.summary.status == "resolved",
            try await !desk.surveys.exists(conversationID: id),
            try await desk.customers.consent(customerID: before.customerID)?.allows(.surveys) ?? false
        {
            _ = try await desk.sendSurvey(.csat, customerID: before.customerID, conversationID: id, at: date)
            surveyed = true
        }
        let handedTo: [Int64] =
            if case .user(let target) = update.assignee, target != user.id { [target] } else { [] }
        publish(Change(conversations: [id], notified: handedTo, sends: surveyed))
    }

    /// The machine's commands for an update, checked: known status and priority; agents take or
    /// drop work themselves, handing it to someone else is a supervisor's call.
    static func commands(for update: ConversationUpdate, by user: User) throws -> [ConversationCommand] {
        let me = Performer.agent(AgentID(user.id))
        var commands: [ConversationCommand] = []
        if let assignee = update.assignee {
            switch assignee {
            case .nobody: commands.append(.assign(.nobody, by: me))
            case .user(let target):
                if target != user.id, !user.role.allows(.supervisor) {
                    throw DeskError.forbidden("only supervisors assign conversations to others")
                }
                commands.append(.assign(Assignee(agent: AgentID(target)), by: me))
            }
        }
        if let raw = update.priority {
            guard let priority = Priority(rawValue: raw) else {
                throw DeskError.invalid(
                    "invalid_priority", field: "priority", "priority must be low, normal, high or urgent")
            }
            commands.append(.setPriority(priority, by: me))
        }
        for tag in update.tags ?? [] { commands.append(.tag(tag, by: me)) }
        if let raw = update.status {
            guard let status = ConversationStatus(rawValue: raw) else {
                throw DeskError.invalid("invalid_status", field: "status", "unknown status '\(raw)'")
            }
            commands.append(.setStatus(status, by: me))
        }
        return commands
    }
}
