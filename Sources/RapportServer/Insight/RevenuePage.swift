import Foundation
import RapportInsight

/// The `/insight/revenue` view model: a pure function of the report. Every figure comes with its interval,
/// or the reason it is not stated; the method and its limits are on the page.
enum RevenuePage {
    static func view(_ report: RevenueBuilder.Report) -> [String: Any] {
        let f = report.figures
        var view: [String: Any] = [:]
        view["days"] = report.windowDays
        view["windows"] = [30, 60, 90, 180].map { ["days": $0, "selected": $0 == report.windowDays] as [String: Any] }
        view["method"] = report.method
        view["limits"] = report.limits
        view["orders"] = f.ordersCounted
        view["incomplete"] = f.incompleteWindows
        view["minimumGroup"] = f.minimumGroup
        view["minimumPairs"] = f.minimumPairs
        view["jsonLink"] = "/api/v1/analytics/revenue?days=\(report.windowDays)"
        let since = DashboardQuery.iso(report.from)
        let links: [String: [String: String]] = [
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
        view["drivers"] = [f.nps, f.csat, f.sentiment].map { cohort in
            driver(cohort, links: links[cohort.driver] ?? [:], days: report.windowDays)
        }
        view["slopes"] = [f.npsSlope, f.csatSlope, f.sentimentSlope].enumerated().map { index, finding in
            var row: [String: Any] = [
                "driver": ["NPS score (0–10)", "CSAT rating (1–5)", "sentiment after engagement (−1…1)"][index]
            ]
            if let s = finding.value {
                let b = s.regression.slope
                row["fit"] = [
                    "n": s.regression.count, "slope": money(b.estimate),
                    "interval": "\(money(b.confidenceInterval.lower)) to \(money(b.confidenceInterval.upper))",
                    "percent": String(format: "%+.1f %%", s.percentPerPoint),
                    "percentInterval": String(
                        format: "%+.1f %% to %+.1f %%", s.percentPerPointInterval.lower, s.percentPerPointInterval.upper
                    ),
                    "r2": String(format: "%.3f", s.regression.rSquared), "p": pValue(b.pValue),
                    "meanSpend": money(s.meanSpend),
                ]
            } else {
                row["refusal"] = finding.refusal ?? ""
            }
            return row
        }
        if let e = f.csatElasticity.value {
            let effect = e.fivePercent
            view["elasticity"] =
                [
                    "effect": String(format: "%+.2f %%", effect.outcomeChangePercent),
                    "interval": String(
                        format: "%+.2f %% to %+.2f %%", effect.confidenceInterval.lower, effect.confidenceInterval.upper
                    ),
                    "elasticity": String(format: "%.2f", e.estimate.elasticity.estimate),
                    "elasticityInterval": String(
                        format: "%.2f to %.2f", e.estimate.elasticity.confidenceInterval.lower,
                        e.estimate.elasticity.confidenceInterval.upper),
                    "spenders": e.spenders, "nonSpenders": e.nonSpenders, "p": pValue(e.estimate.elasticity.pValue),
                    "significant": !e.estimate.elasticity.confidenceInterval.contains(0),
                ] as [String: Any]
        } else {
            view["elasticityRefusal"] = f.csatElasticity.refusal ?? ""
        }
        return view
    }

    static func driver(_ c: SatisfactionRevenue.DriverCohorts, links: [String: String], days: Int) -> [String: Any] {
        var view: [String: Any] = ["driver": c.driver, "customers": c.customers]
        guard let spend = c.spend.value else {
            view["refusal"] = c.spend.refusal ?? ""
            return view
        }
        let retention = c.retention.value
        view["groups"] = spend.groups.map { g -> [String: Any] in
            let r = retention?.group(named: g.name)
            var row: [String: Any] = [
                "name": g.name, "n": g.summary.count, "mean": money(g.summary.mean ?? 0),
                "interval": interval(g.summary.confidenceInterval, money),
                "reference": g.name == spend.reference,
                "retention": r.flatMap(\.summary.mean).map { DashboardPage.percent($0) } ?? "–",
                "retentionInterval": interval(r?.summary.confidenceInterval) {
                    DashboardPage.percent(min(1, max(0, $0)))
                },
            ]
            if let w = g.versusReference {
                row["difference"] = money(w.difference)
                row["differenceInterval"] = interval(w.confidenceInterval, money)
                row["p"] = pValue(w.pValue)
            }
            if let w = r?.versusReference {
                row["retentionDifference"] = String(format: "%+.1f pts", w.difference * 100)
                row["retentionDifferenceInterval"] = interval(w.confidenceInterval) {
                    String(format: "%+.1f", $0 * 100)
                }
            }
            if let link = links[g.name] { row["link"] = link }
            return row
        }
        view["reference"] = spend.reference
        view["chart"] =
            BarChart(
                data: ChartData(
                    title: "Mean spend in the \(days) days after, by \(c.driver)", seriesName: "Mean spend",
                    items: spend.groups.map { g in
                        ChartItem(
                            label: "\(g.name) (n=\(g.summary.count))", value: g.summary.mean ?? 0, link: links[g.name])
                    }), options: ChartOptions(width: 560)
            ).render()
        return view
    }

    static func money(_ x: Double) -> String { String(format: "%.2f", x) }

    static func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : String(format: "%.3f", p) }

    static func interval(_ i: ConfidenceInterval?, _ format: (Double) -> String) -> String {
        guard let i else { return "–" }
        return "\(format(i.lower)) to \(format(i.upper))"
    }
}
