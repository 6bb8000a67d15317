import Foundation
import RapportDesk
import RapportStore

/// A conversation: its messages, what the agent may do with it, the customer beside it and its
/// history in words.
struct ConversationPage: Sendable, Equatable {
    struct HistoryLine: Sendable, Equatable {
        var atISO: String
        var atText: String
        var actor: String
        var text: String
    }

    struct StatusAction: Sendable, Equatable {
        var value: String
        var label: String
        var isResolve: Bool
    }

    struct Identity: Sendable, Equatable {
        var kind: String
        var value: String
        var verified: Bool
    }

    struct CannedReply: Sendable, Equatable {
        var title: String
        /// The reply with this conversation's variables filled in.
        var body: String
    }

    var chrome: PageChrome
    var conversation: ConversationRowView
    var customerID: Int64
    var tags: [String]
    var messages: [MessageView]
    var history: [HistoryLine]
    var canWrite: Bool
    var repliesPaused: Bool
    var canMovePrivate: Bool
    var statusActions: [StatusAction]
    var assignees: [OptionView]
    var priorities: [OptionView]
    var identities: [Identity]
    var facts: [FactView]
    var hasFacts: Bool
    var canned: [CannedReply]
    var hasCanned: Bool
    var incidents: [Incident] = []
    var hasIncidents: Bool = false
    /// Suggested articles, experts and the draft button (nil: nothing to show).
    var knowledge: ConversationKnowledgePanel?

    /// What the page is built from (read by the controller).
    struct Input: Sendable {
        var summary: ConversationSummary
        var tags: [String]
        var messages: [ConversationMessage]
        var history: [ConversationHistoryEntry]
        var profile: CustomerProfile?
        var users: [User]
        var cannedReplies: [(id: Int64, title: String, body: String)]
        /// An admin paused replies on this conversation's network.
        var repliesPaused: Bool
        var knowledge = ConversationKnowledgePanel.Input(suggested: [], experts: [])
        var publicBaseURL = ""
        /// Known incidents linked to it, open first.
        var incidents: [LinkedIncident] = []
    }

    struct Incident: Sendable, Equatable {
        var id: Int64
        var title: String
        var suggestedReply: String?
        var isOpen: Bool
    }

    static func make(_ input: Input, viewer: User, chrome: PageChrome, now: Date) -> ConversationPage {
        let s = input.summary
        let names = Dictionary(input.users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let status = ConversationStatus(rawValue: s.status) ?? .open
        var assignees = [OptionView(value: "", label: "Nobody", selected: s.assigneeID == nil)]
        // Agents offer only themselves; supervisors anyone who answers.
        for u in input.users
        where u.role != .analyst && !u.disabled && (viewer.role.allows(.supervisor) || u.id == viewer.id) {
            assignees.append(
                OptionView(
                    value: String(u.id), label: u.name + (u.isAway ? " (away)" : ""), selected: s.assigneeID == u.id))
        }
        let facts = input.profile.map { DeskViews.facts($0.facts) } ?? []
        let canned: [CannedReply] =
            input.profile.map { profile -> [CannedReply] in
                let variables = TemplateContext([
                    "customer.first_name": profile.name.split(separator: " ").first.map(String.init),
                    "customer.name": profile.name, "agent.name": viewer.name, "agent.first_name": viewer.firstName,
                    "conversation.id": String(s.id), "conversation.channel": s.network,
                ])
                return input.cannedReplies.map { reply in
                    CannedReply(
                        title: reply.title,
                        body: (try? TemplateRenderer.render(reply.body, context: variables)) ?? reply.body)
                }
            } ?? []
        return ConversationPage(
            chrome: chrome, conversation: ConversationRowView(s, now: now), customerID: s.customerID, tags: input.tags,
            messages: input.messages.enumerated().map { index, message in
                // The first message stays: splitting it out would move everything.
                MessageView(message, now: now, splittable: index > 0 && message.direction != .note)
            },
            history: input.history.reversed().map { entry in
                let line = DeskViews.historyText(entry, users: names, customerName: s.customerName)
                return HistoryLine(
                    atISO: ViewFormat.iso(entry.at), atText: ViewFormat.relative(entry.at, now: now),
                    actor: line.actor, text: line.text)
            },
            canWrite: viewer.role.allows(.agent), repliesPaused: input.repliesPaused,
            canMovePrivate: s.channelKind == "public" && ["x", "facebook", "instagram", "mastodon"].contains(s.network)
                && s.status != "closed",
            statusActions: status.allowedTargets.sorted { $0.rawValue < $1.rawValue }.map {
                StatusAction(
                    value: $0.rawValue, label: $0 == .open ? "Open" : $0.rawValue.capitalized,
                    isResolve: $0 == .resolved)
            },
            assignees: assignees,
            priorities: Priority.allCases.map {
                OptionView(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == s.priority)
            },
            identities: input.profile?.identities.map {
                Identity(kind: $0.kind, value: $0.value, verified: $0.verified)
            }
                ?? [],
            facts: facts, hasFacts: !facts.isEmpty, canned: canned, hasCanned: !canned.isEmpty,
            incidents: input.incidents.map {
                Incident(id: $0.id, title: $0.title, suggestedReply: $0.suggestedReply, isOpen: $0.status == .open)
            }, hasIncidents: !input.incidents.isEmpty,
            knowledge: ConversationKnowledgePanel.make(
                input.knowledge, conversationID: s.id, status: s.status,
                viewerIsSupervisor: viewer.role.allows(.supervisor), publicBaseURL: input.publicBaseURL))
    }
}
