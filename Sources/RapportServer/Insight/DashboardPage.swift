import Foundation
import RapportCore
import RapportIngest
import RapportInsight
import RapportStore

/// The `/dashboard` view model: a pure function of a `Dashboard`, its query and the filter choices. Charts are
/// SVG drawn by RapportInsight (which escapes every text), each point linking to the `/mentions` behind it;
/// every chart also has its figures as a table, for keyboard and screen-reader users.
struct DashboardPage: Sendable {
    var chrome: PageChrome
    var charts: [Chart]
    var total: Int
    var periodText: String
    /// The filter form: period presets, rules, brands, networks and teams, the current ones selected.
    var ranges: [SelectOption]
    var rules: [SelectOption]
    var brands: [SelectOption]
    var networks: [SelectOption]
    var teams: [SelectOption]
    /// The custom period's bounds, ISO 8601.
    var from: String
    var to: String
    var voiceRows: [Voice]
    var funnelRows: [Count]
    var languageRows: [Count]
    var networkRows: [Count]
    var sentimentRows: [Count]
    var terms: [Term]
    var advocates: [Author]
    var detractors: [Author]
    var service: Service
    var alerts: [AlertRow]
    var experience: Experience
    var csvLink: String
    var jsonLink: String
    /// Open known incidents and the conversations linked to each.
    var incidents: [Incident] = [] {
        didSet { hasIncidents = !incidents.isEmpty }
    }
    var hasIncidents = false

    struct Incident: Sendable, Equatable {
        var id: Int64
        var title: String
        var conversations: Int
    }

    /// An SVG chart the server drew (rendered unescaped: RapportInsight escapes its texts).
    struct Chart: Sendable {
        var id: String
        var svg: String
    }

    struct Count: Sendable {
        var name: String
        var count: Int
    }

    init(
        chrome: PageChrome, dashboard d: Dashboard, query: DashboardQuery,
        rules: [(id: Int64, name: String, brand: String)], teams: [(id: Int64, name: String)]
    ) {
        let links = DashboardLinks(dashboard: d, query: query)
        self.chrome = chrome
        charts = Self.charts(d, links)
        total = d.total
        periodText = "\(ViewFormat.iso(d.period.start)) – \(ViewFormat.iso(d.period.end))"
        ranges = DashboardQuery.presets.map {
            SelectOption(value: $0.name, label: $0.label, selected: $0.name == query.rangeName)
        }
        self.rules = rules.map {
            SelectOption(value: String($0.id), label: "\($0.name) (\($0.brand))", selected: $0.id == query.ruleID)
        }
        brands = Array(Set(rules.map(\.brand))).sorted().map {
            SelectOption(value: $0, label: $0, selected: $0 == query.brand)
        }
        networks = Network.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0 == query.network)
        }
        self.teams = teams.map {
            SelectOption(value: String($0.id), label: $0.name, selected: $0.id == query.teamID)
        }
        from = DashboardQuery.iso(d.period.start)
        to = DashboardQuery.iso(d.period.end)
        voiceRows = d.shareOfVoice.map(Voice.init)
        funnelRows = d.funnel.map { Count(name: $0.name, count: $0.count) }
        languageRows = d.languages.map { Count(name: $0.name, count: $0.count) }
        networkRows = d.volumeByNetwork.map { Count(name: $0.name, count: $0.values.reduce(0, +)) }
        sentimentRows = d.sentiment.map { Count(name: $0.name, count: $0.values.reduce(0, +)) }
        terms = d.trendingTerms.map { Term($0, link: links.mentions([("q", $0.term)])) }
        advocates = d.advocates.map(Author.init)
        detractors = d.detractors.map(Author.init)
        service = Service(d.service)
        alerts = d.alerts.map(AlertRow.init)
        experience = Experience(d, query)
        csvLink = DashboardQuery.link("/dashboard.csv", query.parameters)
        jsonLink = DashboardQuery.link("/api/v1/analytics/dashboard", query.parameters)
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "–" }
        if seconds < 120 { return String(format: "%.0f s", seconds) }
        if seconds < 7_200 { return String(format: "%.0f min", seconds / 60) }
        if seconds < 172_800 { return String(format: "%.1f h", seconds / 3_600) }
        return String(format: "%.1f d", seconds / 86_400)
    }
}

extension Dashboard {
    var periodRange: TimeRange { TimeRange(start: period.start, end: period.end) }
}
