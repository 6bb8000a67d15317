import Foundation
import RapportCore
import RapportDesk
import RapportStore

/// Helpers for the desk's pages. Pages are typed view models (`InboxPage`, `ConversationPage`, …)
/// built by pure functions; every string is escaped by Mustache when rendered.
enum DeskViews {
    /// A customer's facts, sorted by name.
    static func facts(_ facts: [String: FactValue]) -> [FactView] {
        facts.sorted { $0.key < $1.key }.map { FactView(key: $0.key, value: $0.value.description) }
    }

    /// One history line in words.
    static func historyText(_ entry: ConversationHistoryEntry, users: [Int64: String], customerName: String)
        -> (actor: String, text: String)
    {
        let actor: String
        let parts = entry.actor.split(separator: ":")
        if parts.first == "agent", let id = parts.last.flatMap({ Int64($0) }) {
            actor = users[id] ?? "agent \(id)"
        } else if parts.first == "customer" {
            actor = customerName
        } else if parts.first == "rule" {
            actor = parts.last == "0" ? "the channel's default team" : "routing rule \(parts.last ?? "")"
        } else {
            actor = "Rapport"
        }
        let text: String
        switch entry.change {
        case .created(let channel): text = "conversation started on \(channel.network.rawValue)"
        case .customerMessage: text = "customer wrote"
        case .agentReply(_, let first): text = first ? "first reply" : "replied"
        case .note: text = "added a note"
        case .statusChanged(let from, let to): text = "status \(from.rawValue) → \(to.rawValue)"
        case .reopened: text = "reopened"
        case .assigned(_, let to):
            text =
                "assigned to "
                + (to.agent.map { users[$0.rawValue] ?? "agent \($0)" } ?? (to.team.map { "team \($0)" } ?? "nobody"))
        case .priorityChanged(let from, let to): text = "priority \(from.rawValue) → \(to.rawValue)"
        case .tagged(let tag): text = "tagged #\(tag)"
        case .untagged(let tag): text = "untagged #\(tag)"
        case .slaApplied(let id): text = "SLA policy \(id) applied"
        case .slaPaused: text = "SLA paused"
        case .slaResumed: text = "SLA resumed"
        case .slaNearBreach(let metric, _, _): text = "SLA \(metric.rawValue) near breach"
        case .slaBreached(let metric, _, _): text = "SLA \(metric.rawValue) breached"
        case .escalated(let to, let reason): text = "escalated to \(users[to.rawValue] ?? "\(to)"): \(reason)"
        case .mergedInto(let id): text = "merged into #\(id)"
        case .absorbed(let id): text = "absorbed #\(id)"
        case .splitInto(let id, let count): text = "split \(count) message(s) into #\(id)"
        case .splitFrom(let id, let count): text = "split from #\(id) with \(count) message(s)"
        }
        return (actor, text)
    }
}
