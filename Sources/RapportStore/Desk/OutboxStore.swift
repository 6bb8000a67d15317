import Foundation
import RapportCore
import RapportDesk
import SQLKit

/// The outbox: replies wait here until their network accepts them. A row is claimed by bumping
/// its next attempt before the send, and marked sent with the network's id after it, so a reply
/// is never sent twice by two workers, and a crash mid-send retries only that one row.
public struct OutboxStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Claims up to `limit` due items for one send attempt each; a claimed item is not due again
    /// until `lease` has passed. An item still `sending` after its lease was interrupted mid-send
    /// (a crash): it is tried again only where `resumesInterrupted(network)` says the platform
    /// drops duplicates; elsewhere it fails for a person to check, rather than risk a double post.
    public func claimDue(
        now: Date = Date(), limit: Int = 20, lease: TimeInterval = 120,
        resumesInterrupted: @Sendable (String) -> Bool = { _ in false }
    ) async throws -> [OutboxItem] {
        let dialect = database.dialect
        return try await database.transaction { db in
            let due = """
                SELECT * FROM outbox WHERE status IN ('queued', 'sending') AND next_attempt_ms <= \(now.millisecondsSince1970)
                    AND network NOT IN (SELECT network FROM channels WHERE replies_enabled = 0)
                ORDER BY next_attempt_ms, id LIMIT \(limit)
                """
            let rows = try await db.raw(SQLQueryString(due + dialect.forUpdateSkipLocked)).all()
            var items: [OutboxItem] = []
            for row in rows {
                var item = try DeskCoding.decode(OutboxItem.self, try row.decode(column: "payload", as: String.self))
                item.id = try row.decode(column: "id", as: Int64.self)
                let interrupted = try row.decode(column: "status", as: String.self) == DeliveryState.sending.rawValue
                if interrupted, !resumesInterrupted(item.network) {
                    let error =
                        "the send was interrupted and may have been posted: check on \(item.network), then resend by hand"
                    try await db.raw(
                        """
                        UPDATE outbox SET status = 'failed', last_error = \(bind: error),
                            updated_ms = \(bind: now.millisecondsSince1970) WHERE id = \(bind: item.id)
                        """
                    ).run()
                    try await Self.setDelivery(db, messageID: item.messageID, .failed, error: error)
                    continue
                }
                item.attempts = try row.decode(column: "attempts", as: Int.self) + 1
                item.status = .sending
                try await db.raw(
                    """
                    UPDATE outbox SET status = 'sending', attempts = \(bind: item.attempts),
                        next_attempt_ms = \(bind: now.addingTimeInterval(lease).millisecondsSince1970),
                        updated_ms = \(bind: now.millisecondsSince1970)
                    WHERE id = \(bind: item.id)
                    """
                ).run()
                try await Self.setDelivery(db, messageID: item.messageID, .sending, error: nil)
                items.append(item)
            }
            return items
        }
    }

    /// The network accepted the reply: record its id there (customers' replies to it thread back).
    public func markSent(_ item: OutboxItem, externalID: String, at date: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                UPDATE outbox SET status = 'sent', external_id = \(bind: externalID), last_error = NULL,
                    updated_ms = \(bind: date.millisecondsSince1970)
                WHERE id = \(bind: item.id)
                """
            ).run()
            try await db.raw(
                "UPDATE conversation_messages SET external_id = \(bind: externalID) WHERE id = \(bind: item.messageID)"
            ).run()
            try await Self.setDelivery(db, messageID: item.messageID, .sent, error: nil)
            guard let network = Network(rawValue: item.network) else { return }
            try await db.raw(
                """
                INSERT INTO message_keys (network, external_id, conversation_id)
                VALUES (\(bind: network.rawValue), \(bind: externalID), \(bind: item.conversationID))
                ON CONFLICT (network, external_id) DO NOTHING
                """
            ).run()
        }
    }

    /// The attempt failed: retry at `retryAt`, or give up (`retryAt` nil); the error shows on the message.
    public func markFailed(_ item: OutboxItem, error: String, retryAt: Date?, at date: Date = Date()) async throws {
        try await database.transaction { db in
            let status: DeliveryState = retryAt == nil ? .failed : .queued
            try await db.raw(
                """
                UPDATE outbox SET status = \(bind: status.rawValue), last_error = \(bind: error),
                    next_attempt_ms = \(bind: (retryAt ?? date).millisecondsSince1970),
                    updated_ms = \(bind: date.millisecondsSince1970)
                WHERE id = \(bind: item.id)
                """
            ).run()
            try await Self.setDelivery(db, messageID: item.messageID, status, error: error)
        }
    }

    /// Items by status (the admin's view of stuck replies).
    public func items(status: DeliveryState, limit: Int = 100) async throws -> [OutboxItem] {
        try await database.read { db in
            try await db.raw(
                "SELECT * FROM outbox WHERE status = \(bind: status.rawValue) ORDER BY id DESC LIMIT \(bind: limit)"
            ).all().map { row in
                var item = try DeskCoding.decode(OutboxItem.self, try row.decode(column: "payload", as: String.self))
                item.id = try row.decode(column: "id", as: Int64.self)
                item.attempts = try row.decode(column: "attempts", as: Int.self)
                item.status = status
                item.lastError = try row.decode(column: "last_error", as: String?.self)
                return item
            }
        }
    }

    static func setDelivery(_ db: any SQLDatabase, messageID: Int64, _ state: DeliveryState, error: String?)
        async throws
    {
        try await db.raw(
            """
            UPDATE conversation_messages SET delivery = \(bind: state.rawValue), delivery_error = \(bind: error)
            WHERE id = \(bind: messageID)
            """
        ).run()
    }
}

/// Queues a reply, addressed from the customer's latest message in the conversation.
enum OutboxWriter {
    /// `addressedFrom` names another conversation whose customer message this reply answers (a
    /// private follow-up of a public post answers that post's author).
    static func enqueue(
        _ db: any SQLDatabase, conversation: Conversation, messageID: MessageID, text: String, at date: Date,
        addressedFrom: ConversationID? = nil
    ) async throws {
        let source = addressedFrom ?? conversation.id
        let last = try await db.raw(
            """
            SELECT m.external_id, m.network, mm.thread_id, mm.title, mm.content_id, mm.thread_root_content_id,
                a.handle, a.external_id AS author_external_id
            FROM conversation_messages m
            JOIN mentions mm ON mm.id = m.mention_id
            JOIN authors a ON a.id = mm.author_id
            WHERE m.conversation_id = \(bind: source.rawValue) AND m.direction = 'in'
            ORDER BY m.created_ms DESC, m.id DESC LIMIT 1
            """
        ).first()
        let handle = try last?.decode(column: "handle", as: String.self) ?? ""
        let kind = conversation.channel.kind
        let item = OutboxItem(
            id: 0, messageID: messageID.rawValue, conversationID: conversation.id.rawValue,
            network: conversation.channel.network.rawValue, isPrivate: kind != .publicThread, text: text,
            inReplyToExternalID: try last?.decode(column: "external_id", as: String?.self),
            threadID: try last?.decode(column: "thread_id", as: String?.self),
            recipient: try last?.decode(column: "author_external_id", as: String.self) ?? handle,
            recipientHandle: handle, subject: try last?.decode(column: "title", as: String?.self), attempts: 0,
            status: .queued, lastError: nil,
            inReplyToContentID: try last?.decode(column: "content_id", as: String?.self),
            threadRootContentID: try last?.decode(column: "thread_root_content_id", as: String?.self))
        try await db.raw(
            """
            INSERT INTO outbox (message_id, network, payload, status, attempts, next_attempt_ms, created_ms, updated_ms)
            VALUES (\(bind: messageID.rawValue), \(bind: item.network), \(bind: try DeskCoding.encode(item)), 'queued', 0,
                \(bind: date.millisecondsSince1970), \(bind: date.millisecondsSince1970),
                \(bind: date.millisecondsSince1970))
            """
        ).run()
    }
}
