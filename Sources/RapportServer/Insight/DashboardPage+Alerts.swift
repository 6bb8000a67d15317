import Foundation
import RapportIngest
import RapportStore

extension DashboardPage {
    /// One alert in the dashboard's list (`dashboard_alerts.mustache`), with its buttons.
    struct AlertRow: Sendable {
        var id: Int64
        var kind: String
        var status: String
        var episode: String
        var detectedISO: String
        var detectedText: String
        /// The rule ("name (brand)") or the topic the alert is about.
        var series: String
        var rate: String
        var negative: String
        var terms: String
        var authors: String
        var topPost: String?
        var canAcknowledge: Bool
        var canResolve: Bool

        init(_ a: AlertPayload) {
            id = a.id
            kind = a.kind.replacingOccurrences(of: "_", with: " ")
            status = a.status
            episode = a.episode
            detectedISO = ViewFormat.iso(a.detectedAt)
            detectedText = DashboardQuery.iso(a.detectedAt)
            series = a.rule.map { "\($0.name) (\($0.brand))" } ?? a.topic.map { "topic \($0)" } ?? ""
            rate = String(format: "%.0f/h vs %.0f/h expected", a.evidence.observedRate, a.evidence.expectedRate)
            negative = DashboardPage.percent(a.evidence.negativeShare)
            terms = a.evidence.trendingTerms.joined(separator: ", ")
            authors = a.evidence.topAuthors.prefix(3).map { "@\($0.handle)" }.joined(separator: ", ")
            topPost = a.evidence.topPosts.first.map { "@\($0.author): \($0.text)" }
            canAcknowledge = a.status == "open"
            canResolve = a.status != "resolved"
        }
    }

    /// `/dashboard/alerts`: the alert list alone, which an open dashboard reloads when an alert changes.
    struct AlertList: Sendable {
        var chrome: PageChrome
        var alerts: [AlertRow]
    }
}
