import Foundation
import RapportCore
import RapportDesk
import SQLKit

/// Writes the desk's past from stored mentions (the demo's history): each mention is threaded and routed as the
/// intake does it live, at the mention's own time; then what the desk did afterwards — the assigned agent's
/// reply, the customer's answer, the resolution, an answered survey — is recorded at its own time through the
/// `ConversationMachine`, as for a live conversation. Nothing is sent: this is history.
public struct PastDeskWriter: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What the desk did after a mention reached it. Steps due after the writer's `until` have not happened yet
    /// and are left out, so the newest conversations are still waiting, as on a real desk.
    public struct Outcome: Sendable {
        /// Delay of the agent's first reply after the customer's message.
        public var replyAfter: TimeInterval
        public var reply: String
        /// The customer's answer to the reply: text, analyser-style score (−1…1), delay after the reply.
        public var followUp: (text: String, sentiment: Double, after: TimeInterval)?
        /// Delay of the resolution after the last message; nil leaves the conversation pending.
        public var resolveAfter: TimeInterval?
        /// A survey answered after the resolution: kind, score, delay after the resolution.
        public var survey: (kind: SurveyKind, score: Int, after: TimeInterval)?

        public init(
            replyAfter: TimeInterval, reply: String, followUp: (text: String, sentiment: Double, after: TimeInterval)?,
            resolveAfter: TimeInterval?, survey: (kind: SurveyKind, score: Int, after: TimeInterval)?
        ) {
            self.replyAfter = replyAfter
            self.reply = reply
            self.followUp = followUp
            self.resolveAfter = resolveAfter
            self.survey = survey
        }
    }

    /// What one call wrote.
    public struct Counts: Sendable, Equatable {
        public var conversations = 0
        public var replies = 0
        public var resolved = 0
        public var surveys = 0
        public init() {}
    }

    /// Threads `mentions` (oldest first) in one transaction and plays each active conversation's `outcome` up to
    /// `until`; nil leaves the conversation unanswered. Mentions already on the desk are skipped, so a resumed
    /// history writes nothing twice.
    public func write(
        _ mentions: [Mention], until: Date, outcome: @Sendable (Mention) -> Outcome?
    ) async throws -> Counts {
        guard !mentions.isEmpty else { return Counts() }
        return try await database.transaction { db in
            let present = SQLFragment(
                "SELECT mention_id FROM conversation_messages WHERE mention_id IN ("
                    + SQLFragment.placeholders(mentions.count) + ")", mentions.map { $0.id as any Encodable & Sendable }
            )
            let onDesk = Set(
                try await db.raw(present.expression).all().map { try $0.decode(column: "mention_id", as: Int64.self) })
            var directory = try await DeskDirectory.load(db)
            var counts = Counts()
            for mention in mentions.sorted(by: { ($0.post.createdAt, $0.id) < ($1.post.createdAt, $1.id) })
            where !onDesk.contains(mention.id) {
                let at = mention.post.createdAt
                let id = try await ConversationIntake.take(db, mention, directory: &directory, now: at)
                counts.conversations += 1
                guard let plan = outcome(mention), var conversation = try await ConversationWriter.load(db, id),
                    conversation.status.isActive
                else { continue }
                let team = conversation.assignee.team
                guard
                    let agentID = conversation.assignee.agent
                        ?? team.flatMap({ directory.teams[$0]?.members.first }),
                    let agent = directory.agents[agentID]
                else { continue }
                var events: [ConversationEvent] = []
                func step(_ commands: [ConversationCommand], at date: Date) -> Bool {
                    guard let next = try? ConversationMachine.apply(commands, to: conversation, at: date) else {
                        return false
                    }
                    conversation = next.conversation
                    events += next.events
                    return true
                }
                let replied = at.addingTimeInterval(plan.replyAfter)
                guard replied < until else { continue }
                if conversation.assignee.agent == nil {
                    _ = step([.assign(Assignee(team: team, agent: agentID), by: .system)], at: at)
                }
                let reply = try await Self.message(
                    db, conversation: id, network: mention.post.network, outgoing: true, author: agent.name,
                    userID: agentID.rawValue, text: plan.reply, sentiment: nil, at: replied)
                guard step([.agentReply(reply, by: agentID)], at: replied) else { continue }
                counts.replies += 1
                var last = replied
                if let followUp = plan.followUp, replied.addingTimeInterval(followUp.after) < until {
                    let answeredAt = replied.addingTimeInterval(followUp.after)
                    let message = try await Self.message(
                        db, conversation: id, network: mention.post.network, outgoing: false,
                        author: mention.post.author.displayName ?? mention.post.author.handle, userID: nil,
                        text: followUp.text, sentiment: followUp.sentiment, at: answeredAt)
                    if step([.customerMessage(message)], at: answeredAt) { last = answeredAt }
                }
                var resolvedAt: Date?
                if let after = plan.resolveAfter, last.addingTimeInterval(after) < until {
                    let date = last.addingTimeInterval(after)
                    if step([.setStatus(.resolved, by: .agent(agentID))], at: date) {
                        resolvedAt = date
                        counts.resolved += 1
                    }
                }
                try await ConversationWriter.save(
                    db, ConversationTransition(conversation: conversation, events: events),
                    hours: directory.hours(conversation))
                if let resolvedAt, let survey = plan.survey, resolvedAt.addingTimeInterval(survey.after) < until {
                    try await Self.survey(
                        db, survey, conversation: conversation, agent: agentID.rawValue, network: mention.post.network,
                        sentAt: resolvedAt)
                    counts.surveys += 1
                }
            }
            try await directory.saveRoundRobin(db)
            return counts
        }
    }

    private static func message(
        _ db: any SQLDatabase, conversation: ConversationID, network: Network, outgoing: Bool, author: String,
        userID: Int64?, text: String, sentiment: Double?, at: Date
    ) async throws -> MessageID {
        let label = sentiment.map { $0 > 0.05 ? "positive" : ($0 < -0.05 ? "negative" : "neutral") }
        let row = try await db.raw(
            """
            INSERT INTO conversation_messages (conversation_id, direction, network, author_name, user_id, body,
                sentiment, sentiment_score, delivery, created_ms)
            VALUES (\(bind: conversation.rawValue), \(bind: outgoing ? "out" : "in"), \(bind: network.rawValue),
                \(bind: author), \(bind: userID), \(bind: text), \(bind: label), \(bind: sentiment),
                \(bind: outgoing ? "sent" : nil), \(bind: at.millisecondsSince1970))
            RETURNING id
            """
        ).first()
        guard let row else { throw StoreError.notFound("inserted message") }
        return MessageID(try row.decode(column: "id", as: Int64.self))
    }

    private static func survey(
        _ db: any SQLDatabase, _ survey: (kind: SurveyKind, score: Int, after: TimeInterval),
        conversation: Conversation, agent: Int64, network: Network, sentAt: Date
    ) async throws {
        guard survey.kind.scores.contains(survey.score) else {
            throw StoreError.invalidArgument("score \(survey.score) is not a \(survey.kind.rawValue) score")
        }
        let answered = sentAt.addingTimeInterval(survey.after)
        let id =
            try await db.raw(
                """
                INSERT INTO surveys (token_hash, kind, customer_id, conversation_id, network, team_id, agent_id,
                    created_ms, expires_ms, answered_ms, score)
                VALUES (\(bind: "history-\(conversation.id.rawValue)-\(sentAt.millisecondsSince1970)"),
                    \(bind: survey.kind.rawValue), \(bind: conversation.customerID.rawValue),
                    \(bind: conversation.id.rawValue), \(bind: network.rawValue),
                    \(bind: conversation.assignee.team?.rawValue), \(bind: agent), \(bind: sentAt.millisecondsSince1970),
                    \(bind: sentAt.addingTimeInterval(7 * 86_400).millisecondsSince1970),
                    \(bind: answered.millisecondsSince1970), \(bind: survey.score))
                RETURNING id
                """
            ).first()?.decode(column: "id", as: Int64.self) ?? 0
        try await RollupJournal.surveys.record(db, id: id, sign: 1)
    }
}
