import RapportDesk
import RapportStore

/// Reshaping conversations: merging a duplicate thread, splitting a second topic out.
extension DeskActions {
    /// Merges conversation `id` into `target` (the same customer's duplicate thread); both screens
    /// are told. An impossible merge throws `ConversationError.invalidMerge`.
    func merge(_ id: Int64, into target: Int64, by user: User) async throws {
        try Self.require(.agent, user)
        try await visibleConversation(id, for: user)
        try await visibleConversation(target, for: user)
        guard try await desk.conversations.merge(id, into: target, by: user) else {
            throw DeskError(.notFound, "not_found", "no conversation \(id) or \(target)")
        }
        publish(Change(conversations: [id, target]))
    }

    /// Splits a conversation at one of its messages: that message and the later ones become a new
    /// conversation, whose id is returned. Splitting out nothing or everything, or a closed
    /// conversation, throws `ConversationError.invalidSplit`.
    func split(_ id: Int64, atMessage messageID: Int64, by user: User) async throws -> Int64 {
        try Self.require(.agent, user)
        try await visibleConversation(id, for: user)
        guard let newID = try await desk.conversations.split(id, atMessage: messageID, by: user) else {
            throw DeskError(.notFound, "not_found", "conversation \(id) has no message \(messageID)")
        }
        publish(Change(conversations: [id, newID]))
        return newID
    }
}
