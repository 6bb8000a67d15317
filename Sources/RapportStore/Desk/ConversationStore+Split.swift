import Foundation
import RapportCore
import RapportDesk
import SQLKit

extension ConversationStore {
    /// Splits a conversation at one of its messages: that message and every later one move to a
    /// new conversation of the same customer and channel (a second topic raised in the same
    /// thread), with the same owner, priority, tags and SLA policy, its clocks starting now. Later
    /// replies to the moved messages thread into the new conversation. Returns the new id; nil
    /// when there is no such conversation or the message is not in it.
    public func split(_ id: Int64, atMessage messageID: Int64, by user: User, at date: Date = Date()) async throws
        -> Int64?
    {
        try await database.transaction { db in
            guard let source = try await ConversationWriter.load(db, ConversationID(id)),
                let pivot = try await db.raw(
                    """
                    SELECT created_ms, body FROM conversation_messages
                    WHERE id = \(bind: messageID) AND conversation_id = \(bind: id)
                    """
                ).first()
            else { return nil }
            let pivotMS = try pivot.decode(column: "created_ms", as: Int64.self)
            // Messages at or after the pivot, ordered as the thread shows them: (created_ms, id).
            let moving = SQLQueryString(
                "(created_ms > \(bind: pivotMS) OR (created_ms = \(bind: pivotMS) AND id >= \(bind: messageID)))")
            let counts = try await db.raw(
                """
                SELECT sum(CASE WHEN \(moving) THEN 1 ELSE 0 END) AS moving,
                    max(CASE WHEN \(moving) AND direction = 'in' THEN created_ms END) AS last_in_moving,
                    max(CASE WHEN NOT \(moving) AND direction = 'in' THEN created_ms END) AS last_in_staying
                FROM conversation_messages WHERE conversation_id = \(bind: id)
                """
            ).first()
            let part = SplitPart(
                movedMessages: try counts?.decode(column: "moving", as: Int?.self) ?? 0,
                lastCustomerMessageMoving: try counts?.decode(column: "last_in_moving", as: Int64?.self)
                    .map(Date.init(milliseconds:)),
                lastCustomerMessageStaying: try counts?.decode(column: "last_in_staying", as: Int64?.self)
                    .map(Date.init(milliseconds:)))
            let body = try pivot.decode(column: "body", as: String.self)
            let newID = try await ConversationWriter.insertPlaceholder(
                db, customerID: source.customerID, channel: source.channel,
                subject: String(body.prefix(120)), at: date)
            var (from, into) = try ConversationMachine.split(
                source, into: newID, part: part, by: .agent(AgentID(user.id)), at: date)
            if let policyID = source.sla?.policyID,
                let policy = try await DeskDirectory.slaPolicies(db)[policyID]
            {
                let applied = try ConversationMachine.apply(
                    .applySLA(policy, by: .system), to: into.conversation, at: date)
                into = ConversationTransition(conversation: applied.conversation, events: into.events + applied.events)
            }
            try await db.raw(
                """
                UPDATE conversation_messages SET conversation_id = \(bind: newID.rawValue)
                WHERE conversation_id = \(bind: id) AND \(moving)
                """
            ).run()
            try await db.raw(
                """
                UPDATE message_keys SET conversation_id = \(bind: newID.rawValue)
                WHERE conversation_id = \(bind: id) AND EXISTS (SELECT 1 FROM conversation_messages m
                    WHERE m.conversation_id = \(bind: newID.rawValue) AND m.network = message_keys.network
                    AND m.external_id = message_keys.external_id)
                """
            ).run()
            try await ConversationWriter.save(
                db, from, hours: try await ConversationWriter.hours(db, for: from.conversation))
            try await ConversationWriter.save(
                db, into, hours: try await ConversationWriter.hours(db, for: into.conversation))
            return newID.rawValue
        }
    }
}
