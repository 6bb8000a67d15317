import Foundation
import RapportStore

/// The `/surveys` view model: the survey answers behind an experience figure, oldest first, with the filters
/// that chose them. A pure function of the answers read (newest first, at most `limit`).
struct SurveyAnswersPage: Sendable {
    var chrome: PageChrome
    var filters: [FilterBadge]
    var count: Int
    /// Whether `limit` answers were read, so older ones may be missing.
    var truncated: Bool
    var rows: [Row]

    struct Row: Sendable {
        var answeredISO: String
        var answered: String
        var kind: String
        var score: Int
        var customer: String
        var customerLink: String
        var conversationLink: String?
        var network: String
        var team: String
        var agent: String
        var comment: String

        init(_ r: SurveyResponse) {
            answeredISO = ViewFormat.iso(r.answeredAt)
            answered = DashboardQuery.iso(r.answeredAt)
            kind = r.kind.rawValue.uppercased()
            score = r.score
            customer = r.customerName
            customerLink = "/customers/\(r.customerID)"
            conversationLink = r.conversationID.map { "/conversations/\($0)" }
            network = r.network
            team = r.teamName ?? "–"
            agent = r.agentName ?? "–"
            comment = r.comment ?? ""
        }
    }

    init(chrome: PageChrome, answers: [SurveyResponse], filters: [(String, String)], limit: Int) {
        self.chrome = chrome
        self.filters = filters.map { FilterBadge(name: $0.0, value: $0.1) }
        count = answers.count
        truncated = answers.count == limit
        rows = answers.reversed().map(Row.init)
    }
}
