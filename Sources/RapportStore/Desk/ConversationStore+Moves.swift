import Foundation
import RapportCore
import RapportDesk
import SQLKit

extension ConversationStore {
    /// Merges one conversation into another of the same customer: the source is closed and points at
    /// the target, its messages and thread keys move, so later replies land in the target.
    public func merge(_ sourceID: Int64, into targetID: Int64, by user: User, at date: Date = Date()) async throws
        -> Bool
    {
        try await database.transaction { db in
            guard let source = try await ConversationWriter.load(db, ConversationID(sourceID)),
                let target = try await ConversationWriter.load(db, ConversationID(targetID))
            else { return false }
            let (from, into) = try ConversationMachine.merge(
                source, into: target, by: .agent(AgentID(user.id)), at: date)
            for table in ["conversation_messages", "message_keys", "thread_keys"] {
                try await db.raw(
                    SQLQueryString("UPDATE \(table) SET conversation_id = ")
                        + "\(bind: targetID) WHERE conversation_id = \(bind: sourceID)"
                ).run()
            }
            try await ConversationWriter.save(db, from)
            try await ConversationWriter.save(db, into)
            return true
        }
    }

    /// Public → private: opens a direct-message conversation with the same customer, linked to the
    /// public one by tags, and queues the private message (a DM, a Meta private reply, a direct
    /// Mastodon status). `publicText`, when given, answers in public too ("We've sent you a DM").
    /// Returns the new conversation's id; nil when there is no such conversation.
    public func movePrivate(
        _ id: Int64, by user: User, privateText: String, publicText: String?, at date: Date = Date()
    ) async throws -> Int64? {
        try await database.transaction { db in
            guard let original = try await ConversationWriter.load(db, ConversationID(id)) else { return nil }
            guard original.channel.kind == .publicThread,
                [Network.x, .facebook, .instagram, .mastodon].contains(original.channel.network)
            else {
                throw StoreError.conflict(
                    "only public conversations on X, Facebook, Instagram or Mastodon can move to a private channel")
            }
            let agent = AgentID(user.id)
            if let publicText {
                let messageID = try await MessageWriter.insertByAgent(
                    db, conversationID: original.id, direction: .outgoing, network: original.channel.network,
                    user: user, body: publicText, at: date)
                let replied = try ConversationMachine.apply(.agentReply(messageID, by: agent), to: original, at: date)
                try await ConversationWriter.save(db, replied)
                try await OutboxWriter.enqueue(
                    db, conversation: original, messageID: messageID, text: publicText, at: date)
            }
            let channel = Channel(network: original.channel.network, kind: .directMessage)
            let newID = try await ConversationWriter.insertPlaceholder(
                db, customerID: original.customerID, channel: channel,
                subject: "Private follow-up of #\(original.id)", at: date)
            let messageID = try await MessageWriter.insertByAgent(
                db, conversationID: newID, direction: .outgoing, network: channel.network, user: user,
                body: privateText, at: date)
            var opened = Conversation(
                id: newID, channel: channel, customerID: original.customerID, status: .open,
                priority: original.priority, assignee: Assignee(team: original.assignee.team, agent: agent),
                tags: ["from-public-\(original.id)"], createdAt: date)
            opened.sla = original.sla
            var transition = try ConversationMachine.apply(.agentReply(messageID, by: agent), to: opened, at: date)
            transition.events.insert(
                ConversationEvent(conversationID: newID, at: date, by: .agent(agent), change: .created(channel)), at: 0)
            try await ConversationWriter.save(db, transition)
            let tagged = try ConversationMachine.apply(
                .tag("moved-private-\(newID)", by: .agent(agent)),
                to: try await ConversationWriter.load(db, original.id) ?? original, at: date)
            try await ConversationWriter.save(db, tagged)
            // The customer's DMs answer into the new conversation.
            if let author = try await Self.lastAuthor(db, original.id) {
                try await db.raw(
                    """
                    INSERT INTO thread_keys (kind, network, thread_id, conversation_id)
                    VALUES ('dm', \(bind: channel.network.rawValue), \(bind: author), \(bind: newID.rawValue))
                    ON CONFLICT (kind, network, thread_id) DO UPDATE SET conversation_id = excluded.conversation_id
                    """
                ).run()
            }
            try await OutboxWriter.enqueue(
                db, conversation: transition.conversation, messageID: messageID, text: privateText, at: date,
                addressedFrom: original.id)
            return newID.rawValue
        }
    }

    private static func lastAuthor(_ db: any SQLDatabase, _ id: ConversationID) async throws -> String? {
        try await db.raw(
            """
            SELECT a.external_id FROM conversation_messages m JOIN mentions mm ON mm.id = m.mention_id
            JOIN authors a ON a.id = mm.author_id
            WHERE m.conversation_id = \(bind: id.rawValue) AND m.direction = 'in' ORDER BY m.created_ms DESC LIMIT 1
            """
        ).first()?.decode(column: "external_id", as: String.self)
    }
}
