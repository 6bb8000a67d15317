import Foundation
import RapportCore
import RapportDesk
import RapportStore

/// The inbox: queues with their counts, filters, and the conversations of the chosen queue.
struct InboxPage: Sendable, Equatable {
    struct Queue: Sendable, Equatable {
        var key: String
        var label: String
        /// "12", "1000+", or empty for teams (not counted).
        var count: String
        var active: Bool
    }

    var chrome: PageChrome
    var queues: [Queue]
    /// The current queue's name, kept by the filter form.
    var queue: String
    var q: String
    var rows: [ConversationRowView]
    var statuses: [OptionView]
    var networks: [OptionView]

    /// The page for a query, its rows, the per-queue counts and the teams (each a queue).
    static func make(
        chrome: PageChrome, query: InboxQuery, rows: [ConversationSummary], counts: [String: Int],
        teams: [(id: Int64, name: String)], incidents: [Int64: [LinkedIncident]] = [:], now: Date
    ) -> InboxPage {
        let fixed = [
            ("mine", "Mine"), ("unassigned", "Unassigned"), ("urgent", "Urgent"), ("sla", "SLA at risk"),
            ("all", "All"),
        ]
        let current = query.queue.name
        let queues =
            fixed.map { key, label in
                let count = counts[key] ?? 0
                return Queue(
                    key: key, label: label, count: count >= 1_000 ? "1000+" : String(count), active: key == current)
            }
            + teams.map { Queue(key: "team-\($0.id)", label: $0.name, count: "", active: "team-\($0.id)" == current) }
        return InboxPage(
            chrome: chrome, queues: queues, queue: current, q: query.search ?? "",
            rows: rows.map { row in
                var view = ConversationRowView(row, now: now)
                view.incident = incidents[row.id]?.first { $0.status == .open }?.title
                return view
            },
            statuses: [OptionView(value: "", label: "Active", selected: query.status == nil)]
                + ConversationStatus.allCases.map {
                    OptionView(value: $0.rawValue, label: $0.rawValue, selected: query.status == $0.rawValue)
                },
            networks: [OptionView(value: "", label: "All channels", selected: query.network == nil)]
                + Network.allCases.map {
                    OptionView(value: $0.rawValue, label: $0.rawValue, selected: query.network == $0.rawValue)
                })
    }
}

extension InboxPage: MustacheFields {
    // Key paths are immutable values; the table is written once.
    nonisolated(unsafe) static let mustacheFields: [String: PartialKeyPath<InboxPage>] = [
        "chrome": \.chrome, "queues": \.queues, "queue": \.queue, "q": \.q, "rows": \.rows, "statuses": \.statuses,
        "networks": \.networks,
    ]
}

extension InboxPage.Queue: MustacheFields {
    nonisolated(unsafe) static let mustacheFields: [String: PartialKeyPath<InboxPage.Queue>] = [
        "key": \.key, "label": \.label, "count": \.count, "active": \.active,
    ]
}

extension OptionView: MustacheFields {
    nonisolated(unsafe) static let mustacheFields: [String: PartialKeyPath<OptionView>] = [
        "value": \.value, "label": \.label, "selected": \.selected,
    ]
}
