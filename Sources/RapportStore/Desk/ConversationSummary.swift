import Foundation
import RapportDesk

/// A conversation as a queue row shows it.
public struct ConversationSummary: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerID: Int64
    public var customerName: String
    public var network: String
    public var channelKind: String
    public var status: String
    public var priority: String
    public var teamID: Int64?
    public var teamName: String?
    public var assigneeID: Int64?
    public var assigneeName: String?
    public var subject: String
    public var level: String?
    public var sentiment: String?
    public var messageCount: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var firstResponseAt: Date?
    public var slaDueAt: Date?
}

/// Which queue of the inbox.
public enum InboxQueue: Sendable, Hashable {
    case mine(userID: Int64)
    case unassigned
    case urgent
    /// Active conversations whose SLA falls due before the instant given.
    case slaAtRisk(before: Date)
    case team(Int64)
    case all

    /// The URL name of the queue (`mine`, `unassigned`, `urgent`, `sla`, `all`, `team-3`).
    public var name: String {
        switch self {
        case .mine: "mine"
        case .unassigned: "unassigned"
        case .urgent: "urgent"
        case .slaAtRisk: "sla"
        case .team(let id): "team-\(id)"
        case .all: "all"
        }
    }
}

/// Inbox query: a queue, optional filters and a page.
public struct InboxQuery: Sendable {
    public var queue: InboxQueue
    /// Nil: the active statuses (new, open, pending).
    public var status: String?
    public var network: String?
    public var priority: String?
    public var search: String?
    public var limit: Int
    /// Rows older than this (updated_ms, id), for the next page.
    public var before: (updatedMS: Int64, id: Int64)?
    /// The team boundary: rows outside it are never listed.
    public var scope: ConversationScope

    public init(
        queue: InboxQueue, status: String? = nil, network: String? = nil, priority: String? = nil,
        search: String? = nil, limit: Int = 50, before: (updatedMS: Int64, id: Int64)? = nil,
        scope: ConversationScope = .all
    ) {
        self.queue = queue
        self.scope = scope
        self.status = status
        self.network = network
        self.priority = priority
        self.search = search
        self.limit = limit
        self.before = before
    }
}

/// One entry of a conversation's history.
public struct ConversationHistoryEntry: Sendable, Hashable, Codable {
    public var at: Date
    /// `customer:12`, `agent:3`, `rule:7`, `system`.
    public var actor: String
    public var change: ConversationEvent.Change
}

/// Everything the conversation screen shows.
public struct ConversationDetail: Sendable, Hashable {
    public var summary: ConversationSummary
    public var tags: [String]
    public var messages: [ConversationMessage]
    public var history: [ConversationHistoryEntry]
}
