import Foundation
import RapportCore
import RapportStore

/// One conversation as a row of the inbox (and the head of the conversation page).
struct ConversationRowView: Sendable, Equatable {
    var id: Int64
    var priority: String
    var network: String
    var subject: String
    var customerName: String
    var messageCount: Int
    var level: String
    var sentiment: String
    var status: String
    var slaClass: String
    var slaText: String?
    var updatedISO: String
    var updatedText: String
    var assigneeName: String?
    var teamName: String?
    /// The open known incident it is linked to, if any.
    var incident: String? = nil

    init(_ c: ConversationSummary, now: Date) {
        // A finished conversation has no clock running.
        let sla = ViewFormat.sla(c.status == "resolved" || c.status == "closed" ? nil : c.slaDueAt, now: now)
        id = c.id
        priority = c.priority
        network = c.network
        subject = c.subject
        customerName = c.customerName
        messageCount = c.messageCount
        level = c.level ?? ""
        sentiment = c.sentiment ?? ""
        status = c.status
        slaClass = sla.cssClass
        slaText = sla.text.isEmpty ? nil : sla.text
        updatedISO = ViewFormat.iso(c.updatedAt)
        updatedText = ViewFormat.relative(c.updatedAt, now: now)
        assigneeName = c.assigneeName
        teamName = c.teamName
    }
}

/// One message of a conversation or of a customer's timeline.
struct MessageView: Sendable, Equatable {
    var id: Int64
    var conversationID: Int64
    var direction: String
    var network: String
    var authorName: String
    var body: String
    var intents: [String]
    var createdISO: String
    var createdText: String
    var sentiment: String?
    var level: String?
    var delivery: String?
    var deliveryError: String?
    /// Offered "Split from here" (never the first message, never a note).
    var splittable: Bool

    init(_ m: ConversationMessage, now: Date, splittable: Bool = false) {
        id = m.id
        conversationID = m.conversationID
        direction = m.direction.rawValue
        network = m.network.rawValue
        authorName = m.authorName
        body = m.body
        intents = m.intents
        createdISO = ViewFormat.iso(m.createdAt)
        createdText = ViewFormat.relative(m.createdAt, now: now)
        sentiment = m.sentiment
        level = m.level
        delivery = m.delivery?.rawValue
        deliveryError = m.deliveryError
        self.splittable = splittable
    }
}

/// A fact about a customer (`plan: gold`).
struct FactView: Sendable, Equatable {
    var key: String
    var value: String
}

/// A choice in a `<select>`.
struct OptionView: Sendable, Equatable {
    var value: String
    var label: String
    var selected: Bool
}

extension ConversationRowView: MustacheFields {
    // Key paths are immutable values; the table is written once.
    nonisolated(unsafe) static let mustacheFields: [String: PartialKeyPath<ConversationRowView>] = [
        "id": \.id, "priority": \.priority, "network": \.network, "subject": \.subject,
        "customerName": \.customerName, "messageCount": \.messageCount, "level": \.level, "sentiment": \.sentiment,
        "status": \.status, "slaClass": \.slaClass, "slaText": \.slaText, "updatedISO": \.updatedISO,
        "updatedText": \.updatedText, "assigneeName": \.assigneeName, "teamName": \.teamName, "incident": \.incident,
    ]
}
