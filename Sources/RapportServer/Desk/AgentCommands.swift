import Foundation
import HTTPTypes
import RapportDesk
import RapportIngest
import RapportStore

/// Agents' changes to a conversation, parsed and checked the same way for the web pages and the API.
enum AgentCommands {
    static func status(_ raw: String, by user: User) throws -> ConversationCommand {
        guard let status = ConversationStatus(rawValue: raw) else {
            throw APIError(.badRequest, "invalid_status", "unknown status '\(raw)'")
        }
        return .setStatus(status, by: .agent(AgentID(user.id)))
    }

    static func priority(_ raw: String, by user: User) throws -> ConversationCommand {
        guard let priority = Priority(rawValue: raw) else {
            throw APIError(.badRequest, "invalid_priority", "priority must be low, normal, high or urgent")
        }
        return .setPriority(priority, by: .agent(AgentID(user.id)))
    }

    /// Agents take or drop work themselves; handing it to someone else is a supervisor's call.
    /// `nil` (or 0) unassigns.
    static func assign(_ target: Int64?, by user: User) throws -> ConversationCommand {
        let target = target == 0 ? nil : target
        if let target, target != user.id, !user.role.allows(.supervisor) {
            throw APIError(.forbidden, "forbidden", "only supervisors assign conversations to others")
        }
        return .assign(target.map { Assignee(agent: AgentID($0)) } ?? .nobody, by: .agent(AgentID(user.id)))
    }

    /// Applies the commands and tells live screens; an illegal change (reopening a closed
    /// conversation, say) is a 409 and changes nothing.
    static func perform(_ commands: [ConversationCommand], on id: Int64, desk: DeskServices) async throws {
        do {
            guard try await desk.perform(commands, on: id) else {
                throw APIError(.notFound, "not_found", "no conversation \(id)")
            }
        } catch let error as ConversationError {
            throw APIError(.conflict, "illegal_change", String(describing: error))
        }
        // A colleague handed the conversation to someone: that person's bell rings.
        let handedTo = commands.compactMap { command -> Int64? in
            guard case .assign(let assignee, .agent(let by)) = command, let agent = assignee.agent, agent != by
            else { return nil }
            return agent.rawValue
        }
        desk.worker.changed(id, notified: handedTo)
    }

    /// Splits a conversation at one of its messages; the new conversation's id. Splitting out
    /// nothing or everything, or a closed conversation, is a 409.
    static func split(_ id: Int64, atMessage messageID: Int64, by user: User, desk: DeskServices) async throws
        -> Int64
    {
        let newID: Int64?
        do {
            newID = try await desk.conversations.split(id, atMessage: messageID, by: user)
        } catch let error as ConversationError {
            throw APIError(.conflict, "invalid_split", String(describing: error))
        }
        guard let newID else {
            throw APIError(.notFound, "not_found", "conversation \(id) has no message \(messageID)")
        }
        desk.worker.changed(id)
        desk.worker.changed(newID)
        return newID
    }
}
