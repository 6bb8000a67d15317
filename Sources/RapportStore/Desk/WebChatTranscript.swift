import Foundation
import RapportCore
import SQLKit

/// What a web-chat visitor sees of their own session: their messages and the agents' replies, never internal
/// notes, and a reply only once the outbox has delivered it (for web chat, storing the delivery is the send).
public struct WebChatTranscript: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The session's messages with an id above `after`, oldest first. `thread` is the chat's thread id (the
    /// `session_id` the messages were ingested with); the session's current conversation is the one shown.
    public func messages(thread: String, after: Int64 = 0, limit: Int = 200) async throws -> [ConversationMessage] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT m.* FROM conversation_messages m
                JOIN thread_keys k ON k.conversation_id = m.conversation_id
                WHERE k.kind = 'chat' AND k.network = \(bind: Network.webchat.rawValue)
                  AND k.thread_id = \(bind: thread) AND m.id > \(bind: after)
                  AND (m.direction = 'in' OR (m.direction = 'out' AND m.delivery = 'sent'))
                ORDER BY m.id LIMIT \(bind: max(1, min(limit, 500)))
                """
            ).all().map(ConversationStore.decodeMessage)
        }
    }
}
