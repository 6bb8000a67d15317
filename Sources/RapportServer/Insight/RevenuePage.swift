import Foundation
import RapportInsight

/// The `/insight/revenue` view model: a pure function of the report. Every figure comes with its interval,
/// or the reason it is not stated; the method and its limits are on the page.
struct RevenuePage: Sendable {
    var chrome: PageChrome
    /// The follow-up window in days, and the windows to choose from.
    var days: Int
    var windows: [Window]
    var method: String
    var limits: [String]
    var orders: Int
    var incomplete: Int
    var minimumGroup: Int
    var minimumPairs: Int
    var jsonLink: String
    var drivers: [Driver]
    var slopes: [Slope]
    /// The CSAT elasticity, or (when it cannot be stated) why not.
    var elasticity: Elasticity?
    var elasticityRefusal: String?

    struct Window: Sendable {
        var days: Int
        var selected: Bool
    }

    init(chrome: PageChrome, report: RevenueBuilder.Report) {
        let f = report.figures
        self.chrome = chrome
        days = report.windowDays
        windows = [30, 60, 90, 180].map { Window(days: $0, selected: $0 == report.windowDays) }
        method = report.method
        limits = report.limits
        orders = f.ordersCounted
        incomplete = f.incompleteWindows
        minimumGroup = f.minimumGroup
        minimumPairs = f.minimumPairs
        jsonLink = "/api/v1/analytics/revenue?days=\(report.windowDays)"
        let links = Self.surveyLinks(since: DashboardQuery.iso(report.from))
        drivers = [f.nps, f.csat, f.sentiment].map { cohort in
            Driver(cohort, links: links[cohort.driver] ?? [:], days: report.windowDays)
        }
        slopes = zip(
            ["NPS score (0–10)", "CSAT rating (1–5)", "sentiment after engagement (−1…1)"],
            [f.npsSlope, f.csatSlope, f.sentimentSlope]
        ).map { Slope(driver: $0, $1) }
        if let e = f.csatElasticity.value {
            elasticity = Elasticity(e)
            elasticityRefusal = nil
        } else {
            elasticity = nil
            elasticityRefusal = f.csatElasticity.refusal ?? ""
        }
    }

    /// The survey answers behind each cohort, by driver and group name.
    static func surveyLinks(since: String) -> [String: [String: String]] {
        [
            "NPS": [
                "promoters": "/surveys?kind=nps&minScore=9&maxScore=10&since=\(since)",
                "passives": "/surveys?kind=nps&minScore=7&maxScore=8&since=\(since)",
                "detractors": "/surveys?kind=nps&minScore=0&maxScore=6&since=\(since)",
            ],
            "CSAT": [
                "satisfied (4–5)": "/surveys?kind=csat&minScore=4&maxScore=5&since=\(since)",
                "neutral (3)": "/surveys?kind=csat&minScore=3&maxScore=3&since=\(since)",
                "dissatisfied (1–2)": "/surveys?kind=csat&minScore=1&maxScore=2&since=\(since)",
            ],
        ]
    }

    static func money(_ x: Double) -> String { String(format: "%.2f", x) }

    static func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : String(format: "%.3f", p) }

    static func interval(_ i: ConfidenceInterval?, _ format: (Double) -> String) -> String {
        guard let i else { return "–" }
        return "\(format(i.lower)) to \(format(i.upper))"
    }
}
