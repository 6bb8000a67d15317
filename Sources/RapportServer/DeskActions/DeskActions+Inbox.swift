import Foundation
import RapportCore
import RapportDesk
import RapportStore

/// Reading the inbox: the queue and filters people ask for, checked the same way for the page and
/// the API.
extension DeskActions {
    /// The inbox's filters as sent (`queue=team-3&status=open&network=x&q=router`); empty values
    /// mean "no filter".
    struct InboxFilter: Sendable {
        var queue: String?
        var status: String?
        var network: String?
        var search: String?
        var limit: Int = 50
    }

    /// The query for a filter. An unknown queue, status or network is an error, never a silent
    /// fallback. `defaultQueue` is used when none is named (the page opens on "mine").
    static func inboxQuery(_ filter: InboxFilter, for user: User, defaultQueue: String, now: Date) throws
        -> InboxQuery
    {
        func value(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
        let queue = try inboxQueue(value(filter.queue) ?? defaultQueue, for: user, now: now)
        if let status = value(filter.status), ConversationStatus(rawValue: status) == nil {
            throw DeskError(.badRequest, "invalid_status", "unknown status '\(status)'", field: "status")
        }
        if let network = value(filter.network), Network(rawValue: network) == nil {
            throw DeskError(.badRequest, "invalid_network", "unknown network '\(network)'", field: "network")
        }
        guard (1...500).contains(filter.limit) else {
            throw DeskError(.badRequest, "invalid_limit", "limit must be 1…500", field: "limit")
        }
        return InboxQuery(
            queue: queue, status: value(filter.status), network: value(filter.network), search: value(filter.search),
            limit: filter.limit)
    }

    /// `mine`, `unassigned`, `urgent`, `sla` (due within 10 minutes), `all` or `team-N`.
    static func inboxQueue(_ name: String, for user: User, now: Date) throws -> InboxQueue {
        switch name {
        case "mine": return .mine(userID: user.id)
        case "unassigned": return .unassigned
        case "urgent": return .urgent
        case "sla": return .slaAtRisk(before: now.addingTimeInterval(600))
        case "all": return .all
        default:
            guard name.hasPrefix("team-"), let id = Int64(name.dropFirst(5)) else {
                throw DeskError(
                    .badRequest, "invalid_queue", "queue must be mine, unassigned, urgent, sla, all or team-N",
                    field: "queue")
            }
            return .team(id)
        }
    }
}
