import Foundation
import RapportCore
import RapportDesk
import SQLKit

extension ExperienceSeedWriter {
    /// One message of a past exchange: the customer's (with the analyser's sentiment score) or an agent's reply.
    public struct PastMessage: Sendable {
        public var fromCustomer: Bool
        public var text: String
        /// −1…1, for the customer's messages.
        public var sentiment: Double?
        public var at: Date

        public init(fromCustomer: Bool, text: String, sentiment: Double? = nil, at: Date) {
            self.fromCustomer = fromCustomer
            self.text = text
            self.sentiment = sentiment
            self.at = at
        }
    }

    /// A past, resolved conversation (the demo's history): messages stored as delivered, the conversation's
    /// events recorded by the `ConversationMachine` as for a live one. Returns its id.
    public func resolvedConversation(
        customerID: Int64, customerName: String, network: Network, teamID: Int64?, agent: (id: Int64, name: String),
        messages: [PastMessage]
    ) async throws -> Int64 {
        guard let first = messages.first, first.fromCustomer, let last = messages.last else {
            throw StoreError.invalidArgument("a past conversation starts with the customer's message")
        }
        return try await database.transaction { db in
            let channel = Channel(network: network, kind: network == .email ? .email : .directMessage)
            let id = try await ConversationWriter.insertPlaceholder(
                db, customerID: CustomerID(customerID), channel: channel, subject: String(first.text.prefix(60)),
                at: first.at)
            var transition: ConversationTransition?
            for message in messages {
                let label: String? = message.sentiment.map {
                    $0 > 0.05 ? "positive" : ($0 < -0.05 ? "negative" : "neutral")
                }
                let row = try await db.raw(
                    """
                    INSERT INTO conversation_messages (conversation_id, direction, network, author_name, user_id, body,
                        sentiment, sentiment_score, delivery, created_ms)
                    VALUES (\(bind: id.rawValue), \(bind: message.fromCustomer ? "in" : "out"),
                        \(bind: network.rawValue), \(bind: message.fromCustomer ? customerName : agent.name),
                        \(bind: message.fromCustomer ? nil : agent.id), \(bind: message.text), \(bind: label),
                        \(bind: message.sentiment), \(bind: message.fromCustomer ? nil : "sent"),
                        \(bind: message.at.millisecondsSince1970))
                    RETURNING id
                    """
                ).first()
                let messageID = MessageID(try row?.decode(column: "id", as: Int64.self) ?? 0)
                if let current = transition {
                    let command: ConversationCommand =
                        message.fromCustomer
                        ? .customerMessage(messageID) : .agentReply(messageID, by: AgentID(agent.id))
                    let step = try ConversationMachine.apply([command], to: current.conversation, at: message.at)
                    transition = ConversationTransition(
                        conversation: step.conversation, events: current.events + step.events)
                } else {
                    let started = ConversationMachine.start(
                        id: id, channel: channel, customerID: CustomerID(customerID), firstMessage: messageID,
                        at: message.at)
                    let routed = try ConversationMachine.apply(
                        [.assign(Assignee(team: teamID.map { TeamID($0) }, agent: AgentID(agent.id)), by: .system)],
                        to: started.conversation, at: message.at)
                    transition = ConversationTransition(
                        conversation: routed.conversation, events: started.events + routed.events)
                }
            }
            let resolved = try ConversationMachine.apply(
                [.setStatus(.resolved, by: .agent(AgentID(agent.id)))], to: transition!.conversation,
                at: last.at.addingTimeInterval(600))
            try await ConversationWriter.save(
                db,
                ConversationTransition(
                    conversation: resolved.conversation, events: transition!.events + resolved.events))
            return id.rawValue
        }
    }
}
