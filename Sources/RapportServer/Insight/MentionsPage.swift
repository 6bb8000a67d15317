import Foundation
import RapportAnalysis
import RapportCore

/// The `/mentions` view model: the drill-down list behind every chart point, newest first, with the filters
/// applied, a link to the next page and the CSV of the same selection.
struct MentionsPage: Sendable {
    var chrome: PageChrome
    var filters: [FilterBadge]
    var rows: [Row]
    /// Older mentions of the same selection; nil on the last page.
    var next: String?
    var csvLink: String

    struct Row: Sendable {
        var createdISO: String
        var created: String
        var network: String
        var author: String
        var followers: Int
        var sentiment: String
        var level: String
        var text: String
        /// The post on its network; empty unless a web link (a `javascript:` URL from a payload stays out).
        var url: String

        init(_ m: Mention) {
            createdISO = ViewFormat.iso(m.post.createdAt)
            created = DashboardQuery.iso(m.post.createdAt)
            network = m.post.network.rawValue
            author = m.post.author.handle
            followers = m.post.author.followers ?? 0
            sentiment = m.analysis?.sentiment.label.rawValue ?? ""
            level = m.analysis?.level.rawValue ?? ""
            text = m.post.text
            url = m.post.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil } ?? ""
        }
    }

    /// `filters`: the request's recognised filter parameters, kept in the next-page and CSV links.
    init(chrome: PageChrome, mentions: [Mention], nextCursor: String?, filters: [(String, String)]) {
        self.chrome = chrome
        self.filters = filters.map { FilterBadge(name: $0.0, value: $0.1) }
        rows = mentions.map(Row.init)
        next = nextCursor.map { DashboardQuery.link("/mentions", filters + [("cursor", $0)]) }
        csvLink = DashboardQuery.link("/mentions.csv", filters)
    }
}
