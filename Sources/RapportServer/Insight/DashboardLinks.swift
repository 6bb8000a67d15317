import Foundation
import RapportCore
import RapportInsight

/// The drill-down links of a dashboard: each keeps the dashboard's rule (or the selected brand's only rule) and
/// network, and narrows to a bucket or the whole period.
struct DashboardLinks: Sendable {
    let dashboard: Dashboard
    let query: DashboardQuery

    /// The rule a drill-down keeps: the selected one, else the selected brand's only rule.
    var drillRule: Int64? {
        query.ruleID ?? query.brand.flatMap { b in dashboard.shareOfVoice.first { $0.brand == b }?.ruleID }
    }

    /// `/mentions` behind a figure, over `bucket` or the whole period.
    func mentions(_ extra: [(String, String)], bucket: TimeRange? = nil) -> String {
        var pairs: [(String, String)] = []
        if let drillRule { pairs.append(("rule", String(drillRule))) }
        if let network = query.network { pairs.append(("network", network.rawValue)) }
        pairs += extra
        let span = bucket ?? dashboard.periodRange
        pairs += [("since", DashboardQuery.iso(span.start)), ("until", DashboardQuery.iso(span.end))]
        return DashboardQuery.link("/mentions", pairs)
    }

    /// `/mentions` of one rule over the period (a share-of-voice bar).
    func mentions(rule id: Int64) -> String {
        var pairs: [(String, String)] = [("rule", String(id))]
        if let network = query.network { pairs.append(("network", network.rawValue)) }
        pairs += [
            ("since", DashboardQuery.iso(dashboard.period.start)), ("until", DashboardQuery.iso(dashboard.period.end)),
        ]
        return DashboardQuery.link("/mentions", pairs)
    }

    /// The dashboard narrowed to a brand without a single rule (a share-of-voice bar).
    func dashboardOfBrand(_ brand: String) -> String {
        DashboardQuery.link(
            "/dashboard", [("brand", brand)] + query.parameters.filter { $0.0 != "rule" && $0.0 != "brand" })
    }

    /// `/surveys` behind an experience figure, over `start`…`end` or the whole period.
    func surveys(_ extra: [(String, String)], start: Date? = nil, end: Date? = nil) -> String {
        var pairs: [(String, String)] = [
            ("since", DashboardQuery.iso(start ?? dashboard.period.start)),
            ("until", DashboardQuery.iso(end ?? dashboard.period.end)),
        ]
        if let team = query.teamID { pairs.append(("team", String(team))) }
        if let network = query.network { pairs.append(("network", network.rawValue)) }
        return DashboardQuery.link("/surveys", pairs + extra)
    }
}
