import Foundation
import RapportStore

/// The visitor's chat page: their transcript and the form. Pure view model.
struct WebChatPage: Sendable {
    /// One message as the visitor sees it (also the JSON of `GET /chat/messages`).
    struct Item: Sendable, Equatable, Encodable {
        var id: Int64
        /// `visitor` or `agent`.
        var from: String
        var name: String
        var text: String
        var at: String
        var isAgent: Bool

        init(_ message: ConversationMessage) {
            id = message.id
            isAgent = message.direction == .outgoing
            from = isAgent ? "agent" : "visitor"
            // Agents appear by first name only: the visitor needs a person, not the staff directory.
            name =
                isAgent
                ? String(message.authorName.split(separator: " ").first ?? "Support") : "You"
            text = message.body
            at = ISO8601DateFormatter().string(from: message.createdAt)
        }

        enum CodingKeys: String, CodingKey { case id, from, name, text, at }
    }

    var chrome: PageChrome
    var items: [Item]
    var hasItems: Bool
    /// The name the visitor gave last, so the form does not ask again.
    var name: String

    static func make(_ messages: [ConversationMessage], chrome: PageChrome) -> WebChatPage {
        let items = messages.map(Item.init)
        let lastName = messages.last { $0.direction == .incoming }?.authorName ?? ""
        return WebChatPage(chrome: chrome, items: items, hasItems: !items.isEmpty, name: lastName)
    }
}
