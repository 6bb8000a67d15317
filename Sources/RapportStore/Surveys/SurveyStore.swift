import Foundation
import RapportCore
import RapportDesk
import SQLKit

/// Surveys at the moment of truth: sent with a link whose token only the customer has (the store
/// keeps its hash), answered once before it expires. A detractor's answer opens a follow-up
/// conversation; a promoter who shares is tagged as an advocate.
public struct SurveyStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Creates a survey and, when it belongs to a conversation, queues `message` (with the link)
    /// in that conversation's channel. Returns the survey's id.
    public func create(
        kind: SurveyKind, customerID: Int64, conversationID: Int64?, tokenHash: String, message: String?,
        expiresAt: Date, at date: Date = Date()
    ) async throws -> Int64 {
        try await database.transaction { db in
            var network = "email"
            var team: Int64?
            var agent: Int64?
            var conversation: Conversation?
            if let conversationID {
                conversation = try await ConversationWriter.load(db, ConversationID(conversationID))
                guard let conversation else { throw StoreError.notFound("conversation \(conversationID)") }
                network = conversation.channel.network.rawValue
                team = conversation.assignee.team?.rawValue
                agent = conversation.assignee.agent?.rawValue
            } else if let last = try await db.raw(
                "SELECT network FROM conversations WHERE customer_id = \(bind: customerID) ORDER BY updated_ms DESC LIMIT 1"
            ).first() {
                network = try last.decode(column: "network", as: String.self)
            }
            let row = try await db.raw(
                """
                INSERT INTO surveys (token_hash, kind, customer_id, conversation_id, network, team_id, agent_id,
                    created_ms, expires_ms)
                VALUES (\(bind: tokenHash), \(bind: kind.rawValue), \(bind: customerID), \(bind: conversationID),
                    \(bind: network), \(bind: team), \(bind: agent), \(bind: date.millisecondsSince1970),
                    \(bind: expiresAt.millisecondsSince1970))
                RETURNING id
                """
            ).first()
            if let conversation, let message {
                let messageID = try await MessageWriter.insertSystem(
                    db, conversationID: conversation.id, network: conversation.channel.network, body: message, at: date)
                try await OutboxWriter.enqueue(
                    db, conversation: conversation, messageID: messageID, text: message, at: date)
            }
            return try row?.decode(column: "id", as: Int64.self) ?? 0
        }
    }

    /// Whether a conversation was already surveyed (one survey per conversation).
    public func exists(conversationID: Int64) async throws -> Bool {
        try await database.read { db in
            try await db.raw("SELECT id FROM surveys WHERE conversation_id = \(bind: conversationID)").first() != nil
        }
    }

    public func survey(tokenHash: String) async throws -> Survey? {
        try await database.read { db in
            try await db.raw(SQLQueryString(Self.select + " WHERE s.token_hash = ") + "\(bind: tokenHash)").first()
                .map(Self.decode)
        }
    }

    /// Records the answer once. A detractor's answer opens a follow-up conversation with the
    /// comment as the customer's message, back to the team that handled the case.
    public func answer(tokenHash: String, score: Int, comment: String?, at date: Date = Date()) async throws
        -> SurveyAnswer
    {
        try await database.transaction { db in
            guard
                let row = try await db.raw(
                    SQLQueryString(Self.select + " WHERE s.token_hash = ") + "\(bind: tokenHash)"
                ).first()
            else { return .notFound }
            var survey = try Self.decode(row)
            guard survey.answeredAt == nil else { return .alreadyAnswered(survey) }
            guard survey.expiresAt > date else { return .expired }
            guard survey.kind.scores.contains(score) else { return .invalidScore(survey.kind.scores) }
            survey.score = score
            survey.comment = comment
            survey.answeredAt = date
            if survey.kind.isDetractor(score) {
                survey.followupConversationID = try await Self.openFollowUp(
                    db, survey, team: try row.decode(column: "team_id", as: Int64?.self), at: date)
            }
            try await db.raw(
                """
                UPDATE surveys SET answered_ms = \(bind: date.millisecondsSince1970), score = \(bind: score),
                    comment = \(bind: comment), followup_conversation_id = \(bind: survey.followupConversationID)
                WHERE id = \(bind: survey.id)
                """
            ).run()
            try await RollupJournal.surveys.record(db, id: survey.id, sign: 1)
            return .answered(survey)
        }
    }

    /// A promoter followed a share link: remember where, and tag the customer as an advocate.
    public func recordShare(tokenHash: String, network: String) async throws {
        try await database.transaction { db in
            guard
                let row = try await db.raw(
                    "SELECT id, customer_id, shared_on FROM surveys WHERE token_hash = \(bind: tokenHash) AND answered_ms IS NOT NULL"
                ).first()
            else { return }
            var shared = Set(
                try row.decode(column: "shared_on", as: String.self).split(separator: ",").map(String.init))
            shared.insert(network)
            try await db.raw(
                "UPDATE surveys SET shared_on = \(bind: shared.sorted().joined(separator: ",")) WHERE id = \(bind: try row.decode(column: "id", as: Int64.self))"
            ).run()
            let customer = try row.decode(column: "customer_id", as: Int64.self)
            let tags =
                try await db.raw("SELECT tags FROM customers WHERE id = \(bind: customer)").first()?
                .decode(column: "tags", as: String.self) ?? ""
            var set = Set(tags.split(separator: ",").map(String.init))
            if set.insert("advocate").inserted {
                try await db.raw(
                    "UPDATE customers SET tags = \(bind: set.sorted().joined(separator: ",")) WHERE id = \(bind: customer)"
                ).run()
            }
        }
    }

    /// A customer's surveys, newest first.
    public func surveys(customerID: Int64) async throws -> [Survey] {
        try await database.read { db in
            try await db.raw(
                SQLQueryString(Self.select + " WHERE s.customer_id = ") + "\(bind: customerID) ORDER BY s.id DESC"
            ).all().map(Self.decode)
        }
    }

    private static func openFollowUp(_ db: any SQLDatabase, _ survey: Survey, team: Int64?, at date: Date) async throws
        -> Int64
    {
        let network = Network(rawValue: survey.network) ?? .email
        let channel = Channel(network: network, kind: network == .email ? .email : .directMessage)
        let id = try await ConversationWriter.insertPlaceholder(
            db, customerID: CustomerID(survey.customerID), channel: channel,
            subject: "\(survey.kind.rawValue.uppercased()) \(survey.score ?? 0): follow up with \(survey.customerName)",
            at: date)
        let text =
            "Survey answer: \(survey.score ?? 0) on \(survey.kind.scores.lowerBound)–\(survey.kind.scores.upperBound)."
            + (survey.comment.map { " “\($0)”" } ?? "")
        let messageID = try await MessageWriter.insertSystem(
            db, conversationID: id, network: network, body: text, at: date, direction: .incoming,
            authorName: survey.customerName)
        var transition = ConversationMachine.start(
            id: id, channel: channel, customerID: CustomerID(survey.customerID), firstMessage: messageID,
            priority: .high,
            at: date)
        let commands: [ConversationCommand] =
            [.tag("survey-detractor", by: .system)]
            + (team.map { [.assign(Assignee(team: TeamID($0)), by: .system)] } ?? [])
        let routed = try ConversationMachine.apply(commands, to: transition.conversation, at: date)
        transition = ConversationTransition(
            conversation: routed.conversation, events: transition.events + routed.events)
        try await ConversationWriter.save(db, transition)
        return id.rawValue
    }

    static let select = """
        SELECT s.*, c.name AS customer_name FROM surveys s JOIN customers c ON c.id = s.customer_id
        """

    static func decode(_ row: any SQLRow) throws -> Survey {
        Survey(
            id: try row.decode(column: "id", as: Int64.self),
            kind: SurveyKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .csat,
            customerID: try row.decode(column: "customer_id", as: Int64.self),
            customerName: try row.decode(column: "customer_name", as: String.self),
            conversationID: try row.decode(column: "conversation_id", as: Int64?.self),
            network: try row.decode(column: "network", as: String.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self)),
            expiresAt: Date(milliseconds: try row.decode(column: "expires_ms", as: Int64.self)),
            answeredAt: try row.decode(column: "answered_ms", as: Int64?.self).map(Date.init(milliseconds:)),
            score: try row.decode(column: "score", as: Int?.self),
            comment: try row.decode(column: "comment", as: String?.self),
            sharedOn: try row.decode(column: "shared_on", as: String.self).split(separator: ",").map(String.init),
            followupConversationID: try row.decode(column: "followup_conversation_id", as: Int64?.self))
    }
}
