import Foundation
import RapportAnalysis
import RapportCore
import RapportDesk
import SQLKit

/// The write side of conversations, shared by the intake and agents' actions: every change is
/// the `ConversationMachine`'s transition, persisted as the row (queue columns + whole state)
/// and its events, in the caller's transaction.
enum ConversationWriter {
    /// Loads a conversation's state for update (locking its row on PostgreSQL until the transaction ends).
    static func load(_ db: any SQLDatabase, _ id: ConversationID) async throws -> Conversation? {
        let lock = Dialect(db).forUpdate
        return try await db.raw(
            SQLQueryString("SELECT state FROM conversations WHERE id = ") + "\(bind: id.rawValue)"
                + SQLQueryString(lock)
        ).first().map {
            try DeskCoding.decode(Conversation.self, try $0.decode(column: "state", as: String.self))
        }
    }

    /// Inserts the row for a new conversation and returns its id; `save` fills it in.
    static func insertPlaceholder(
        _ db: any SQLDatabase, customerID: CustomerID, channel: Channel, subject: String, at date: Date
    ) async throws -> ConversationID {
        let ms = date.millisecondsSince1970
        let row = try await db.raw(
            """
            INSERT INTO conversations (customer_id, network, channel_kind, status, priority, subject, created_ms,
                updated_ms, state)
            VALUES (\(bind: customerID.rawValue), \(bind: channel.network.rawValue), \(bind: channel.kind.rawValue),
                'new', 'normal', \(bind: subject), \(bind: ms), \(bind: ms), '{}')
            RETURNING id
            """
        ).first()
        guard let row else { throw StoreError.notFound("inserted conversation") }
        let id = try row.decode(column: "id", as: Int64.self)
        try await RollupJournal.conversations.record(db, id: id, sign: 1)
        return ConversationID(id)
    }

    /// Persists a transition: the row's queue columns, the whole state and every event.
    static func save(
        _ db: any SQLDatabase, _ transition: ConversationTransition, hours: BusinessHours? = nil, latest: Latest? = nil
    ) async throws {
        let c = transition.conversation
        let due = slaDue(c, hours: hours)
        var sets: [SQLFragment] = [
            SQLFragment(
                """
                status = ?, priority = ?, team_id = ?, assignee_id = ?, message_count = ?, updated_ms = ?,
                first_response_ms = ?, resolved_ms = ?, sla_due_ms = ?, sla_check_ms = ?, state = ?
                """,
                [
                    c.status.rawValue, c.priority.rawValue, c.assignee.team?.rawValue, c.assignee.agent?.rawValue,
                    c.messageCount, c.updatedAt.millisecondsSince1970, c.firstResponseAt?.millisecondsSince1970,
                    c.resolvedAt?.millisecondsSince1970, due?.millisecondsSince1970,
                    SLAMonitor.nextCheck(c, hours: hours, after: c.updatedAt)?.millisecondsSince1970,
                    try DeskCoding.encode(c),
                ])
        ]
        if let latest {
            sets.append(SQLFragment("level = ?, sentiment = ?", [latest.level?.rawValue, latest.sentiment?.rawValue]))
        }
        let update =
            SQLFragment("UPDATE conversations SET ") + SQLFragment.join(sets, separator: ", ")
            + SQLFragment(" WHERE id = ?", [c.id.rawValue])
        let measured: [String?] =
            [
                c.assignee.team?.rawValue, c.assignee.agent?.rawValue, c.firstResponseAt?.millisecondsSince1970,
                c.resolvedAt?.millisecondsSince1970, due?.millisecondsSince1970,
            ].map { $0.map(String.init) } + [c.status.rawValue]
        // The service rollups move only when a column they sum changes (most saves are new messages).
        let moves = try await serviceColumns(db, c.id) != measured
        if moves { try await RollupJournal.conversations.record(db, id: c.id.rawValue, sign: -1) }
        try await db.raw(update.expression).run()
        if moves { try await RollupJournal.conversations.record(db, id: c.id.rawValue, sign: 1) }
        try await insertEvents(db, transition.events)
        try await NotificationStore.record(db, DeskNotice.from(transition.events))
    }

    /// The stored columns the service rollups read, in the order `save` compares them.
    private static func serviceColumns(_ db: any SQLDatabase, _ id: ConversationID) async throws -> [String?]? {
        try await db.raw(
            """
            SELECT team_id, assignee_id, first_response_ms, resolved_ms, sla_due_ms, status FROM conversations
            WHERE id = \(bind: id.rawValue)
            """
        ).first().map { row in
            try ["team_id", "assignee_id", "first_response_ms", "resolved_ms", "sla_due_ms"].map {
                try row.decode(column: $0, as: Int64?.self).map(String.init)
            } + [try row.decode(column: "status", as: String.self)]
        }
    }

    /// The business hours of the conversation's team (nil: the clock counts wall time).
    static func hours(_ db: any SQLDatabase, for conversation: Conversation) async throws -> BusinessHours? {
        guard let team = conversation.assignee.team else { return nil }
        return try await db.raw("SELECT business_hours FROM teams WHERE id = \(bind: team.rawValue)").first()?
            .decode(column: "business_hours", as: String?.self)
            .flatMap { try? DeskCoding.decode(BusinessHours.self, $0) }
    }

    /// What the newest customer message says, shown on the queue.
    struct Latest {
        var level: Level?
        var sentiment: Sentiment.Label?
    }

    static func insertEvents(_ db: any SQLDatabase, _ events: [ConversationEvent]) async throws {
        for event in events {
            try await db.raw(
                """
                INSERT INTO conversation_events (conversation_id, at_ms, actor, change)
                VALUES (\(bind: event.conversationID.rawValue), \(bind: event.at.millisecondsSince1970),
                        \(bind: DeskCoding.actor(event.by)), \(bind: try DeskCoding.encode(event.change)))
                """
            ).run()
        }
    }

    /// The earliest instant a running SLA clock falls due.
    static func slaDue(_ c: Conversation, hours: BusinessHours?) -> Date? {
        guard let sla = c.sla else { return nil }
        let now = c.updatedAt
        return SLAMetric.allCases.compactMap { metric -> Date? in
            guard let clock = sla[metric] else { return nil }
            return SLAEvaluator.read(clock, hours: sla.usesBusinessHours ? hours : nil, at: now).dueAt
        }.min()
    }

    /// Records where a message and its thread live, so replies find the conversation.
    static func recordKeys(_ db: any SQLDatabase, _ result: ThreadingResult, in id: ConversationID) async throws {
        try await db.raw(
            """
            INSERT INTO message_keys (network, external_id, conversation_id)
            VALUES (\(bind: result.messageKey.network.rawValue), \(bind: result.messageKey.externalID),
                    \(bind: id.rawValue))
            ON CONFLICT (network, external_id) DO UPDATE SET conversation_id = excluded.conversation_id
            """
        ).run()
        for key in result.threadKeys {
            try await db.raw(
                """
                INSERT INTO thread_keys (kind, network, thread_id, conversation_id)
                VALUES (\(bind: key.kind.rawValue), \(bind: key.network.rawValue), \(bind: key.id),
                        \(bind: id.rawValue))
                ON CONFLICT (kind, network, thread_id) DO UPDATE SET conversation_id = excluded.conversation_id
                """
            ).run()
        }
    }

    /// The stored look-ups one message's threading needs, as an in-memory index.
    static func threadIndex(_ db: any SQLDatabase, for input: ThreadingInput) async throws -> InMemoryThreadIndex {
        var messageKeys = input.references.map { MessageKey(network: .email, externalID: $0) }
        if let parent = input.inReplyToID { messageKeys.append(MessageKey(network: input.network, externalID: parent)) }
        let threadKeys = ThreadResolver.threadKeys(for: input)
        for key in threadKeys where key.kind == .replyChain || key.kind == .emailThread {
            messageKeys.append(MessageKey(network: key.network, externalID: key.id))
        }
        var index = InMemoryThreadIndex()
        for key in messageKeys {
            let row = try await db.raw(
                """
                SELECT c.id, c.status, c.customer_id FROM message_keys k JOIN conversations c ON c.id = k.conversation_id
                WHERE k.network = \(bind: key.network.rawValue) AND k.external_id = \(bind: key.externalID)
                """
            ).first()
            if let row { index.record(message: key, in: try threaded(row)) }
        }
        for key in threadKeys {
            let row = try await db.raw(
                """
                SELECT c.id, c.status, c.customer_id FROM thread_keys k JOIN conversations c ON c.id = k.conversation_id
                WHERE k.kind = \(bind: key.kind.rawValue) AND k.network = \(bind: key.network.rawValue)
                    AND k.thread_id = \(bind: key.id)
                """
            ).first()
            if let row { index.record(thread: key, in: try threaded(row)) }
        }
        return index
    }

    private static func threaded(_ row: any SQLRow) throws -> ThreadedConversation {
        ThreadedConversation(
            id: ConversationID(try row.decode(column: "id", as: Int64.self)),
            status: ConversationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            customerID: CustomerID(try row.decode(column: "customer_id", as: Int64.self)))
    }
}
