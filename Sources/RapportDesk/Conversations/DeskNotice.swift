import Foundation

/// Something a colleague should hear about personally: a note that @mentions them, a
/// conversation a colleague handed to them, an escalation to them. Derived from a transition's
/// events, so every path that changes a conversation notifies the same way.
public struct DeskNotice: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        case mention
        case assigned
        case escalated
        /// A crisis alert for the rapid-response team (no conversation).
        case alert
    }

    public var recipient: AgentID
    public var kind: Kind
    public var conversationID: ConversationID
    /// The colleague who caused it; nil for rules and Rapport itself.
    public var actor: AgentID?
    public var at: Date
    /// A short text: the note, or the escalation's reason.
    public var text: String

    public init(
        recipient: AgentID, kind: Kind, conversationID: ConversationID, actor: AgentID?, at: Date, text: String
    ) {
        self.recipient = recipient
        self.kind = kind
        self.conversationID = conversationID
        self.actor = actor
        self.at = at
        self.text = text
    }

    /// The notices `events` call for. Nobody is notified of their own doing, and routing's
    /// automatic assignments are not notices (the queue already shows them).
    public static func from(_ events: [ConversationEvent]) -> [DeskNotice] {
        events.flatMap { event -> [DeskNotice] in
            let actor: AgentID? = if case .agent(let id) = event.by { id } else { nil }
            func notice(_ recipient: AgentID, _ kind: Kind, _ text: String) -> DeskNotice? {
                recipient == actor
                    ? nil
                    : DeskNotice(
                        recipient: recipient, kind: kind, conversationID: event.conversationID, actor: actor,
                        at: event.at, text: String(text.prefix(280)))
            }
            switch event.change {
            case .note(let note):
                return note.mentions.compactMap { notice($0, .mention, note.text) }
            case .assigned(_, let to):
                guard let agent = to.agent, actor != nil else { return [] }
                return [notice(agent, .assigned, "")].compactMap { $0 }
            case .escalated(let supervisor, let reason):
                return [notice(supervisor, .escalated, reason)].compactMap { $0 }
            default:
                return []
            }
        }
    }
}
