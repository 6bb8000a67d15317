import Foundation
import RapportDesk
import RapportStore

/// Writing in a conversation: replies to the customer, internal notes, and continuing a public
/// complaint in private.
extension DeskActions {
    /// An agent's reply, queued for the customer's channel. A closed conversation refuses it
    /// (`ConversationError.closed`). Returns the message's id.
    @discardableResult
    func reply(to id: Int64, text: String, by user: User) async throws -> Int64 {
        try Self.require(.agent, user)
        try await visibleConversation(id, for: user)
        let text = try Self.messageText(text)
        guard let messageID = try await desk.conversations.reply(to: id, by: user, text: text) else {
            throw DeskError.notFound("conversation", id)
        }
        publish(Change(conversations: [id], sends: true))
        return messageID
    }

    /// An internal note; the colleagues it @mentions are notified (live, and on their bell).
    @discardableResult
    func note(on id: Int64, text: String, by user: User) async throws -> Int64 {
        try Self.require(.agent, user)
        try await visibleConversation(id, for: user)
        let text = try Self.messageText(text)
        let colleagues = try await desk.users.all().filter { !$0.disabled }.map {
            NoteMentions.Colleague(id: $0.id, name: $0.name, email: $0.email)
        }
        let mentioned = NoteMentions.find(in: text, among: colleagues)
        guard let messageID = try await desk.conversations.note(on: id, by: user, text: text, mentions: mentioned)
        else { throw DeskError.notFound("conversation", id) }
        publish(Change(conversations: [id], notified: mentioned.filter { $0 != user.id }))
        return messageID
    }

    /// What an agent writes when moving a public complaint to a private channel.
    struct MovePrivate: Sendable {
        /// Sent privately (a DM, a private reply).
        var text: String
        /// Optionally answered in public too ("We've sent you a DM").
        var publicText: String?
    }

    /// Opens a private conversation with the same customer and sends the private message there;
    /// both conversations' screens are told. Returns the new conversation's id.
    func movePrivate(_ id: Int64, _ input: MovePrivate, by user: User) async throws -> Int64 {
        try Self.require(.agent, user)
        try await visibleConversation(id, for: user)
        let text = try Self.messageText(input.text)
        let publicText = try input.publicText.flatMap {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? nil : try Self.messageText($0, field: "publicText")
        }
        let newID: Int64?
        do {
            newID = try await desk.conversations.movePrivate(id, by: user, privateText: text, publicText: publicText)
        } catch StoreError.conflict(let message) {
            throw DeskError.conflict("cannot_move", message)
        }
        guard let newID else { throw DeskError.notFound("conversation", id) }
        publish(Change(conversations: [id, newID], sends: true))
        return newID
    }
}
