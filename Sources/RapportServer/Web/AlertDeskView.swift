import Foundation
import RapportIngest
import RapportStore

/// The `/inbox/alerts` view model (`alerts.mustache`): one card per alert with its evidence, forms and timeline.
/// Every string is escaped by Mustache (post texts, handles and terms come from the public).
struct AlertDeskView: Sendable {
    var chrome: PageChrome
    var alerts: [Card]
    var alertCount: Int
    /// The rapid-response team's names.
    var team: [String]
    var showResolved: Bool

    init(
        chrome: PageChrome, alerts: [AlertPayload], timelines: [Int64: [AlertTimelineEntry]], users: [User],
        team: [String], canAct: Bool, showResolved: Bool, now: Date
    ) {
        let names = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.chrome = chrome
        self.alerts = alerts.map {
            Card($0, timeline: timelines[$0.id] ?? [], users: users, names: names, canAct: canAct, now: now)
        }
        alertCount = alerts.count
        self.team = team
        self.showResolved = showResolved
    }

    /// One timeline step in words.
    static func describe(_ entry: AlertTimelineEntry, names: [Int64: String]) -> String {
        switch entry.change {
        case "opened": return "raised the alert"
        case "updated": return "saw it grow (\(entry.detail))"
        case "closed": return "saw the series back to normal"
        case "acknowledged": return "acknowledged"
        case "resolved": return "resolved"
        case "assigned":
            if entry.detail.hasPrefix("user "), let id = Int64(entry.detail.dropFirst(5)) {
                return "assigned it to \(names[id] ?? entry.detail)"
            }
            return "unassigned it"
        default: return entry.change
        }
    }
}
