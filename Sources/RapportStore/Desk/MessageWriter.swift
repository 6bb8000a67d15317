import Foundation
import RapportAnalysis
import RapportCore
import RapportDesk
import SQLKit

/// Rows of `conversation_messages`: the customer's messages (linked to their mention), agents'
/// replies (with their delivery state) and internal notes.
enum MessageWriter {
    static func insertIncoming(_ db: any SQLDatabase, _ mention: Mention, conversationID: ConversationID, at: Date)
        async throws -> MessageID
    {
        let author = mention.post.author
        let a = mention.analysis
        let row = try await db.raw(
            """
            INSERT INTO conversation_messages (conversation_id, direction, mention_id, network, external_id,
                author_name, body, sentiment, sentiment_score, intents, level, created_ms)
            VALUES (\(bind: conversationID.rawValue), 'in', \(bind: mention.id), \(bind: mention.post.network.rawValue),
                \(bind: mention.post.externalID), \(bind: author.displayName ?? author.handle),
                \(bind: mention.post.text), \(bind: a?.sentiment.label.rawValue), \(bind: a?.sentiment.score),
                \(bind: (a?.intents ?? []).map(\.name.rawValue).joined(separator: ",")),
                \(bind: a?.level.rawValue), \(bind: at.millisecondsSince1970))
            RETURNING id
            """
        ).first()
        guard let row else { throw StoreError.notFound("inserted message") }
        return MessageID(try row.decode(column: "id", as: Int64.self))
    }

    /// An agent's reply or note. Replies start `queued` for the outbox.
    static func insertByAgent(
        _ db: any SQLDatabase, conversationID: ConversationID, direction: MessageDirection, network: Network,
        user: User, body: String, at: Date
    ) async throws -> MessageID {
        let row = try await db.raw(
            """
            INSERT INTO conversation_messages (conversation_id, direction, network, author_name, user_id, body,
                delivery, created_ms)
            VALUES (\(bind: conversationID.rawValue), \(bind: direction.rawValue), \(bind: network.rawValue),
                \(bind: user.name), \(bind: user.id), \(bind: body),
                \(bind: direction == .outgoing ? DeliveryState.queued.rawValue : nil), \(bind: at.millisecondsSince1970))
            RETURNING id
            """
        ).first()
        guard let row else { throw StoreError.notFound("inserted message") }
        return MessageID(try row.decode(column: "id", as: Int64.self))
    }

    /// A message Rapport writes itself: a survey sent to the customer (outgoing, queued), or a
    /// customer's survey comment opening a follow-up (incoming).
    static func insertSystem(
        _ db: any SQLDatabase, conversationID: ConversationID, network: Network, body: String, at: Date,
        direction: MessageDirection = .outgoing, authorName: String = "Rapport"
    ) async throws -> MessageID {
        let row = try await db.raw(
            """
            INSERT INTO conversation_messages (conversation_id, direction, network, author_name, body, delivery, created_ms)
            VALUES (\(bind: conversationID.rawValue), \(bind: direction.rawValue), \(bind: network.rawValue),
                \(bind: authorName), \(bind: body),
                \(bind: direction == .outgoing ? DeliveryState.queued.rawValue : nil), \(bind: at.millisecondsSince1970))
            RETURNING id
            """
        ).first()
        guard let row else { throw StoreError.notFound("inserted message") }
        return MessageID(try row.decode(column: "id", as: Int64.self))
    }
}
