import Foundation
import Logging
import RapportAnalysis
import RapportCore
import RapportDesk
import SQLKit

/// Turns stored mentions that need a person into conversations: identity → threading → routing.
///
/// Mentions are queued (`desk_queue`) in the very transaction that stores them, so none is lost
/// between the ingest commit and the desk; each intake batch takes queued rows no other instance
/// holds, threads them and removes them from the queue in one transaction.
public struct ConversationIntake: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static func enqueue(_ db: any SQLDatabase, _ mentions: [Mention]) async throws {
        for chunk in mentions.chunks(of: 500) {
            var insert = db.insert(into: "desk_queue").columns("mention_id")
            for mention in chunk { insert = insert.values([mention.id] as [any Encodable & Sendable]) }
            try await insert.ignoringConflicts().run()
        }
    }

    /// Threads up to `limit` queued mentions. Returns the conversations touched (empty when the
    /// queue was empty), for live updates.
    @discardableResult
    public func runOnce(limit: Int = 200, now: Date = Date()) async throws -> [ConversationID] {
        let dialect = database.dialect
        let logger = database.logger
        return try await database.transaction { db in
            let take =
                "SELECT mention_id FROM desk_queue ORDER BY mention_id LIMIT \(limit)" + dialect.forUpdateSkipLocked
            let queued = try await db.raw(SQLQueryString(take)).all().map {
                try $0.decode(column: "mention_id", as: Int64.self)
            }
            guard !queued.isEmpty else { return [] }
            let mentions = try await MentionRow.select(
                db, dialect,
                SQLFragment(
                    "m.id IN (" + SQLFragment.placeholders(queued.count) + ") ORDER BY m.id",
                    queued.map { $0 as any Encodable & Sendable }))
            var directory = try await DeskDirectory.load(db)
            var touched: [ConversationID] = []
            for mention in mentions {
                // A savepoint per mention: one that cannot be threaded (a bug, bad data) is logged and
                // left out rather than blocking the queue behind it; it stays stored and searchable.
                try await db.raw("SAVEPOINT desk_mention").run()
                do {
                    touched.append(try await Self.take(db, mention, directory: &directory, now: now))
                    try await db.raw("RELEASE SAVEPOINT desk_mention").run()
                } catch  where Database.isRetryable(error) {
                    throw error  // the whole batch runs again (`Database.transaction`); nothing is left out
                } catch {
                    try await db.raw("ROLLBACK TO SAVEPOINT desk_mention").run()
                    try await db.raw("RELEASE SAVEPOINT desk_mention").run()
                    logger.error("mention \(mention.id) could not be put on the desk: \(error)")
                }
            }
            try await directory.saveRoundRobin(db)
            let delete = SQLFragment(
                "DELETE FROM desk_queue WHERE mention_id IN (" + SQLFragment.placeholders(queued.count) + ")",
                queued.map { $0 as any Encodable & Sendable })
            try await db.raw(delete.expression).run()
            return Array(Set(touched)).sorted()
        }
    }

    /// Mentions waiting to be threaded.
    public func backlog() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT count(*) AS n FROM desk_queue").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Runs batches until the queue is empty.
    public func drain(now: Date = Date()) async throws -> [ConversationID] {
        var all: [ConversationID] = []
        while true {
            let batch = try await runOnce(now: now)
            if batch.isEmpty { return all }
            all += batch
        }
    }

    /// Threads one mention in the caller's transaction (also used by `PastDeskWriter`, for the demo's history).
    static func take(
        _ db: any SQLDatabase, _ mention: Mention, directory: inout DeskDirectory, now: Date
    ) async throws -> ConversationID {
        // A message cannot arrive after it was processed: clamp future timestamps.
        let at = min(mention.post.createdAt, now)
        let customerID = try await CustomerWriter.resolve(db, author: mention.post.author, at: at)
        let input = ThreadingInput(post: mention.post, customerID: customerID)
        let result = ThreadResolver.resolve(input, index: try await ConversationWriter.threadIndex(db, for: input))
        let latest = ConversationWriter.Latest(
            level: mention.analysis?.level, sentiment: mention.analysis?.sentiment.label)
        let id: ConversationID
        switch result.decision {
        case .existing(let existing, _):
            id = existing
            guard let conversation = try await ConversationWriter.load(db, id) else {
                throw StoreError.notFound("conversation \(id)")
            }
            let messageID = try await MessageWriter.insertIncoming(db, mention, conversationID: id, at: at)
            var commands: [ConversationCommand] = [.customerMessage(messageID)]
            let suggested = DeskAdmission.priority(for: mention.analysis?.level)
            if suggested > conversation.priority { commands.append(.setPriority(suggested, by: .system)) }
            let transition = try ConversationMachine.apply(commands, to: conversation, at: at)
            try await ConversationWriter.save(
                db, transition, hours: directory.hours(transition.conversation), latest: latest)
        case .startNew:
            let channel = Channel(network: mention.post.network, mentionKind: mention.post.kind)
            id = try await ConversationWriter.insertPlaceholder(
                db, customerID: customerID, channel: channel, subject: Self.subject(mention.post), at: at)
            let messageID = try await MessageWriter.insertIncoming(db, mention, conversationID: id, at: at)
            var transition = ConversationMachine.start(
                id: id, channel: channel, customerID: customerID, firstMessage: messageID,
                priority: DeskAdmission.priority(for: mention.analysis?.level), at: at)
            let facts = try await CustomerWriter.facts(db, customerID)
            let outcome = Router.route(
                RoutingSubject(mention: mention, customerFacts: facts), rules: directory.rules,
                teams: directory.teams, agents: directory.agents, roundRobin: directory.roundRobin,
                channelTeam: directory.channelTeams[mention.post.network])
            directory.roundRobin = outcome.roundRobin
            let policies = directory.policies
            // An illegal routing command (none is expected on a new conversation) must not lose the message.
            if let routed = try? ConversationMachine.apply(
                outcome.commands(policy: { policies[$0] }), to: transition.conversation, at: at)
            {
                transition = ConversationTransition(
                    conversation: routed.conversation, events: transition.events + routed.events)
            }
            if let agent = transition.conversation.assignee.agent { directory.agents[agent]?.openCount += 1 }
            try await ConversationWriter.save(
                db, transition, hours: directory.hours(transition.conversation), latest: latest)
            if let canned = outcome.decision.acknowledgement?.value {
                try await Self.acknowledge(
                    db, transition.conversation, canned: canned, author: mention.post.author, at: at)
            }
        }
        try await ConversationWriter.recordKeys(db, result, in: id)
        // Only messages sent to the brand's own channels are trusted to say who the sender is elsewhere.
        if mention.post.origin == .owned
            || ChannelKind(network: mention.post.network, kind: mention.post.kind) != .publicThread
        {
            try await CustomerWriter.followNamedHandles(db, customer: customerID, text: mention.post.text, at: at)
        }
        return id
    }

    /// Sends a routing rule's automatic acknowledgement (a canned reply) in the customer's channel.
    /// It is Rapport's message, not an agent's: the first-response clock keeps running.
    private static func acknowledge(
        _ db: any SQLDatabase, _ conversation: Conversation, canned: CannedReplyID, author: Author, at: Date
    ) async throws {
        guard
            let body = try await db.raw("SELECT body FROM canned_replies WHERE id = \(bind: canned.rawValue)").first()?
                .decode(column: "body", as: String.self)
        else { return }
        let name = author.displayName.flatMap { $0.isEmpty ? nil : $0 } ?? author.handle
        let context = TemplateContext([
            "customer.first_name": name.split(separator: " ").first.map(String.init), "customer.name": name,
            "agent.name": "the team", "agent.first_name": "the team",
            "conversation.id": String(conversation.id.rawValue),
            "conversation.channel": conversation.channel.network.rawValue,
        ])
        guard let text = try? TemplateRenderer.render(body, context: context) else { return }
        let messageID = try await MessageWriter.insertSystem(
            db, conversationID: conversation.id, network: conversation.channel.network, body: text, at: at)
        try await OutboxWriter.enqueue(db, conversation: conversation, messageID: messageID, text: text, at: at)
    }

    /// The queue line: the title (email subject, forum thread) or the start of the text.
    static func subject(_ post: IncomingPost) -> String {
        let source = post.title.flatMap { $0.isEmpty ? nil : $0 } ?? post.text
        let flat = source.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 140 ? String(flat.prefix(139)) + "…" : flat
    }
}

extension DeskDirectory {
    /// The business hours of the conversation's team, for SLA due times.
    func hours(_ conversation: Conversation) -> BusinessHours? {
        conversation.assignee.team.flatMap { teams[$0]?.businessHours }
    }
}
