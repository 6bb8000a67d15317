import Foundation
import RapportCore
import RapportDesk
import SQLKit

/// Conversations for the desk: queues, the conversation screen, and agents' actions. Every
/// action goes through `ConversationMachine`, so each change is an event on the history.
public struct ConversationStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let summarySelect = summarySelect(index: "")

    /// The queue row's columns; `index` may name the index to walk (see `Dialect.indexedBy`).
    static func summarySelect(index: String) -> String {
        """
        SELECT c.id, c.customer_id, cu.name AS customer_name, c.network, c.channel_kind, c.status, c.priority,
            c.team_id, t.name AS team_name, c.assignee_id, u.name AS assignee_name, c.subject, c.level, c.sentiment,
            c.message_count, c.created_ms, c.updated_ms, c.first_response_ms, c.sla_due_ms
        FROM conversations c\(index)
        JOIN customers cu ON cu.id = c.customer_id
        LEFT JOIN teams t ON t.id = c.team_id
        LEFT JOIN users u ON u.id = c.assignee_id
        """
    }

    /// A page of a queue, most recently updated first.
    public func inbox(_ query: InboxQuery) async throws -> [ConversationSummary] {
        var p: [SQLFragment] = []
        if let status = query.status {
            p.append(SQLFragment("c.status = ?", [status]))
        } else {
            p.append(SQLFragment("c.status IN ('new', 'open', 'pending')"))
        }
        switch query.queue {
        case .mine(let userID): p.append(SQLFragment("c.assignee_id = ?", [userID]))
        case .unassigned: p.append(SQLFragment("c.assignee_id IS NULL"))
        case .urgent: p.append(SQLFragment("c.priority = 'urgent'"))
        case .slaAtRisk(let before): p.append(SQLFragment("c.sla_due_ms < ?", [before.millisecondsSince1970]))
        case .team(let id): p.append(SQLFragment("c.team_id = ?", [id]))
        case .all: break
        }
        if let network = query.network { p.append(SQLFragment("c.network = ?", [network])) }
        if let priority = query.priority { p.append(SQLFragment("c.priority = ?", [priority])) }
        if let search = query.search, !search.isEmpty {
            let like = "%" + search.lowercased().replacingOccurrences(of: "%", with: "") + "%"
            p.append(SQLFragment("(lower(c.subject) LIKE ? OR lower(cu.name) LIKE ?)", [like, like]))
        }
        if let inScope = query.scope.condition(alias: "c") { p.append(inScope) }
        if let before = query.before {
            p.append(
                SQLFragment(
                    "(c.updated_ms < ? OR (c.updated_ms = ? AND c.id < ?))",
                    [before.updatedMS, before.updatedMS, before.id]))
        }
        // Active queues walk their partial index in display order (migration 8).
        var index: String?
        if query.status == nil {
            switch query.queue {
            case .mine: index = "conversations_active_assignee"
            case .unassigned: index = "conversations_active_unassigned"
            case .urgent: index = "conversations_active_priority"
            case .team: index = "conversations_active_team"
            case .all: index = "conversations_active_updated"
            case .slaAtRisk: index = nil
            }
        }
        let sql =
            SQLFragment(Self.summarySelect(index: index.map { database.dialect.indexedBy($0) } ?? "") + " WHERE ")
            + SQLFragment.join(p, separator: " AND ")
            + SQLFragment(" ORDER BY c.updated_ms DESC, c.id DESC LIMIT ?", [max(1, min(query.limit, 500))])
        return try await database.read { db in try await db.raw(sql.expression).all().map(Self.decodeSummary) }
    }

    /// Queue sizes for the inbox's side bar, each counted up to `cap` (a queue shows "1000+"
    /// beyond): every count walks one partial index and stops there.
    public func queueCounts(userID: Int64, slaBefore: Date, cap: Int = 1_000, scope: ConversationScope = .all)
        async throws -> [String: Int]
    {
        var active = SQLFragment("status IN ('new', 'open', 'pending')")
        if let inScope = scope.condition(alias: "conversations") { active = active + SQLFragment(" AND ") + inScope }
        let queues: [(String, SQLFragment)] = [
            ("mine", active + SQLFragment(" AND assignee_id = ?", [userID])),
            ("unassigned", active + SQLFragment(" AND assignee_id IS NULL")),
            ("urgent", active + SQLFragment(" AND priority = 'urgent'")),
            ("sla", active + SQLFragment(" AND sla_due_ms < ?", [slaBefore.millisecondsSince1970])),
            ("all", active),
        ]
        return try await database.read { db in
            var counts: [String: Int] = [:]
            for (name, condition) in queues {
                let sql =
                    SQLFragment("SELECT count(*) AS n FROM (SELECT 1 FROM conversations WHERE ") + condition
                    + SQLFragment(" LIMIT ?) capped", [cap])
                counts[name] = try await db.raw(sql.expression).first()?.decode(column: "n", as: Int.self) ?? 0
            }
            return counts
        }
    }

    /// The conversation screen: the row, its thread and its history.
    public func detail(id: Int64) async throws -> ConversationDetail? {
        try await database.read { db in
            guard
                let row = try await db.raw(SQLQueryString(Self.summarySelect + " WHERE c.id = ") + "\(bind: id)")
                    .first()
            else { return nil }
            let summary = try Self.decodeSummary(row)
            let state = try await db.raw("SELECT state FROM conversations WHERE id = \(bind: id)").first()
                .map { try DeskCoding.decode(Conversation.self, try $0.decode(column: "state", as: String.self)) }
            let messages = try await db.raw(
                "SELECT * FROM conversation_messages WHERE conversation_id = \(bind: id) ORDER BY created_ms, id"
            ).all().map(Self.decodeMessage)
            let history = try await db.raw(
                "SELECT * FROM conversation_events WHERE conversation_id = \(bind: id) ORDER BY id"
            ).all().map { row in
                ConversationHistoryEntry(
                    at: Date(milliseconds: try row.decode(column: "at_ms", as: Int64.self)),
                    actor: try row.decode(column: "actor", as: String.self),
                    change: try DeskCoding.decode(
                        ConversationEvent.Change.self, try row.decode(column: "change", as: String.self)))
            }
            return ConversationDetail(summary: summary, tags: state?.tags ?? [], messages: messages, history: history)
        }
    }

    /// Conversations of one customer inside `scope`, newest first.
    public func conversations(customerID: Int64, limit: Int = 100, scope: ConversationScope = .all) async throws
        -> [ConversationSummary]
    {
        var sql = SQLFragment(Self.summarySelect + " WHERE c.customer_id = ?", [customerID])
        if let inScope = scope.condition(alias: "c") { sql = sql + SQLFragment(" AND ") + inScope }
        let query = sql + SQLFragment(" ORDER BY c.updated_ms DESC LIMIT ?", [limit])
        return try await database.read { db in try await db.raw(query.expression).all().map(Self.decodeSummary) }
    }

    /// Whose a conversation is (customer, team, assignee), to check a team boundary before reading or
    /// acting; nil when there is no such conversation.
    public func ownership(id: Int64) async throws -> ConversationOwnership? {
        try await database.read { db in
            try await db.raw("SELECT customer_id, team_id, assignee_id FROM conversations WHERE id = \(bind: id)")
                .first().map { row in
                    ConversationOwnership(
                        customerID: try row.decode(column: "customer_id", as: Int64.self),
                        teamID: try row.decode(column: "team_id", as: Int64?.self),
                        assigneeID: try row.decode(column: "assignee_id", as: Int64?.self))
                }
        }
    }

    /// Applies an agent's commands (assign, status, priority, tags). Throws `ConversationError`
    /// for an illegal change, leaving everything as it was; nil when there is no such conversation.
    public func perform(_ commands: [ConversationCommand], on id: Int64, at date: Date = Date()) async throws
        -> Bool
    {
        try await database.transaction { db in
            guard let conversation = try await ConversationWriter.load(db, ConversationID(id)) else { return false }
            let transition = try ConversationMachine.apply(commands, to: conversation, at: date)
            try await ConversationWriter.save(
                db, transition, hours: try await ConversationWriter.hours(db, for: transition.conversation))
            return true
        }
    }

    /// An agent's reply: stored, queued in the outbox for the customer's channel, and recorded
    /// (first response, assignment to the replier when unowned). Nil when there is no such conversation.
    public func reply(to id: Int64, by user: User, text: String, at date: Date = Date()) async throws -> Int64? {
        try await database.transaction { db in
            guard let conversation = try await ConversationWriter.load(db, ConversationID(id)) else { return nil }
            let network = conversation.channel.network
            let messageID = try await MessageWriter.insertByAgent(
                db, conversationID: conversation.id, direction: .outgoing, network: network, user: user, body: text,
                at: date)
            let transition = try ConversationMachine.apply(
                .agentReply(messageID, by: AgentID(user.id)), to: conversation, at: date)
            try await ConversationWriter.save(
                db, transition, hours: try await ConversationWriter.hours(db, for: transition.conversation))
            try await OutboxWriter.enqueue(db, conversation: conversation, messageID: messageID, text: text, at: date)
            return messageID.rawValue
        }
    }

    /// An internal note (never sent), with colleagues it @mentions.
    public func note(on id: Int64, by user: User, text: String, mentions: [Int64] = [], at date: Date = Date())
        async throws -> Int64?
    {
        try await database.transaction { db in
            guard let conversation = try await ConversationWriter.load(db, ConversationID(id)) else { return nil }
            let messageID = try await MessageWriter.insertByAgent(
                db, conversationID: conversation.id, direction: .note, network: conversation.channel.network,
                user: user, body: text, at: date)
            let note = Note(author: AgentID(user.id), text: text, mentions: mentions.map { AgentID($0) })
            let transition = try ConversationMachine.apply(.note(note), to: conversation, at: date)
            try await ConversationWriter.save(db, transition)
            return messageID.rawValue
        }
    }

    /// The number of conversations (benchmarks, stats).
    public func count() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT count(*) AS n FROM conversations").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    static func decodeSummary(_ row: any SQLRow) throws -> ConversationSummary {
        func ms(_ c: String) throws -> Date? {
            try row.decode(column: c, as: Int64?.self).map(Date.init(milliseconds:))
        }
        return ConversationSummary(
            id: try row.decode(column: "id", as: Int64.self),
            customerID: try row.decode(column: "customer_id", as: Int64.self),
            customerName: try row.decode(column: "customer_name", as: String.self),
            network: try row.decode(column: "network", as: String.self),
            channelKind: try row.decode(column: "channel_kind", as: String.self),
            status: try row.decode(column: "status", as: String.self),
            priority: try row.decode(column: "priority", as: String.self),
            teamID: try row.decode(column: "team_id", as: Int64?.self),
            teamName: try row.decode(column: "team_name", as: String?.self),
            assigneeID: try row.decode(column: "assignee_id", as: Int64?.self),
            assigneeName: try row.decode(column: "assignee_name", as: String?.self),
            subject: try row.decode(column: "subject", as: String.self),
            level: try row.decode(column: "level", as: String?.self),
            sentiment: try row.decode(column: "sentiment", as: String?.self),
            messageCount: try row.decode(column: "message_count", as: Int.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self)),
            updatedAt: Date(milliseconds: try row.decode(column: "updated_ms", as: Int64.self)),
            firstResponseAt: try ms("first_response_ms"), slaDueAt: try ms("sla_due_ms"))
    }

    static func decodeMessage(_ row: any SQLRow) throws -> ConversationMessage {
        ConversationMessage(
            id: try row.decode(column: "id", as: Int64.self),
            conversationID: try row.decode(column: "conversation_id", as: Int64.self),
            direction: MessageDirection(rawValue: try row.decode(column: "direction", as: String.self)) ?? .note,
            mentionID: try row.decode(column: "mention_id", as: Int64?.self),
            network: Network(rawValue: try row.decode(column: "network", as: String.self)) ?? .webchat,
            externalID: try row.decode(column: "external_id", as: String?.self),
            authorName: try row.decode(column: "author_name", as: String.self),
            userID: try row.decode(column: "user_id", as: Int64?.self),
            body: try row.decode(column: "body", as: String.self),
            sentiment: try row.decode(column: "sentiment", as: String?.self),
            sentimentScore: try row.decode(column: "sentiment_score", as: Double?.self),
            intents: try row.decode(column: "intents", as: String.self).split(separator: ",").map(String.init),
            level: try row.decode(column: "level", as: String?.self),
            delivery: try row.decode(column: "delivery", as: String?.self).flatMap(DeliveryState.init),
            deliveryError: try row.decode(column: "delivery_error", as: String?.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self)))
    }
}
