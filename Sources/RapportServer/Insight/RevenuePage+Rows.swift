import Foundation
import RapportInsight

extension RevenuePage {
    /// One driver's cohorts (NPS, CSAT or sentiment): spend and retention by group against the unhappiest, with a
    /// chart; or why they are not stated.
    struct Driver: Sendable {
        var driver: String
        var customers: Int
        var refusal: String?
        /// The group the others are compared with; nil when refused.
        var reference: String?
        var groups: [Group]?
        var chart: String?

        init(_ c: SatisfactionRevenue.DriverCohorts, links: [String: String], days: Int) {
            driver = c.driver
            customers = c.customers
            guard let spend = c.spend.value else {
                refusal = c.spend.refusal ?? ""
                return
            }
            let retention = c.retention.value
            groups = spend.groups.map {
                Group($0, reference: spend.reference, retention: retention?.group(named: $0.name), link: links[$0.name])
            }
            reference = spend.reference
            chart =
                BarChart(
                    data: ChartData(
                        title: "Mean spend in the \(days) days after, by \(c.driver)", seriesName: "Mean spend",
                        items: spend.groups.map { g in
                            ChartItem(
                                label: "\(g.name) (n=\(g.summary.count))", value: g.summary.mean ?? 0,
                                link: links[g.name])
                        }), options: ChartOptions(width: 560)
                ).render()
        }
    }

    /// One cohort: mean spend and retention, and their differences from the reference group when stated.
    struct Group: Sendable {
        var name: String
        var n: Int
        var mean: String
        var interval: String
        /// Whether this is the group the others are compared with.
        var reference: Bool
        var retention: String
        var retentionInterval: String
        var difference: String?
        var differenceInterval: String?
        var p: String?
        var retentionDifference: String?
        var retentionDifferenceInterval: String?
        /// The survey answers of the group, when it is a score range.
        var link: String?

        init(_ g: CohortComparison.Group, reference: String, retention r: CohortComparison.Group?, link: String?) {
            name = g.name
            n = g.summary.count
            mean = RevenuePage.money(g.summary.mean ?? 0)
            interval = RevenuePage.interval(g.summary.confidenceInterval, RevenuePage.money)
            self.reference = g.name == reference
            retention = r.flatMap(\.summary.mean).map { DashboardPage.percent($0) } ?? "–"
            retentionInterval = RevenuePage.interval(r?.summary.confidenceInterval) {
                DashboardPage.percent(min(1, max(0, $0)))
            }
            if let w = g.versusReference {
                difference = RevenuePage.money(w.difference)
                differenceInterval = RevenuePage.interval(w.confidenceInterval, RevenuePage.money)
                p = RevenuePage.pValue(w.pValue)
            }
            if let w = r?.versusReference {
                retentionDifference = String(format: "%+.1f pts", w.difference * 100)
                retentionDifferenceInterval = RevenuePage.interval(w.confidenceInterval) {
                    String(format: "%+.1f", $0 * 100)
                }
            }
            self.link = link
        }
    }

    /// Later spend regressed on one driver's score, or why it is not stated.
    struct Slope: Sendable {
        var driver: String
        var fit: Fit?
        var refusal: String?

        init(driver: String, _ finding: SatisfactionRevenue.Finding<SatisfactionRevenue.SpendSlope>) {
            self.driver = driver
            if let s = finding.value {
                fit = Fit(s)
            } else {
                refusal = finding.refusal ?? ""
            }
        }
    }

    struct Fit: Sendable {
        var n: Int
        var slope: String
        var interval: String
        var percent: String
        var percentInterval: String
        var r2: String
        var p: String
        var meanSpend: String

        init(_ s: SatisfactionRevenue.SpendSlope) {
            let b = s.regression.slope
            n = s.regression.count
            slope = RevenuePage.money(b.estimate)
            interval =
                "\(RevenuePage.money(b.confidenceInterval.lower)) to \(RevenuePage.money(b.confidenceInterval.upper))"
            percent = String(format: "%+.1f %%", s.percentPerPoint)
            percentInterval = String(
                format: "%+.1f %% to %+.1f %%", s.percentPerPointInterval.lower, s.percentPerPointInterval.upper)
            r2 = String(format: "%.3f", s.regression.rSquared)
            p = RevenuePage.pValue(b.pValue)
            meanSpend = RevenuePage.money(s.meanSpend)
        }
    }

    /// "5 % more satisfaction ≈ x % spend", from the log-log fit among customers who spent.
    struct Elasticity: Sendable {
        var effect: String
        var interval: String
        var elasticity: String
        var elasticityInterval: String
        var spenders: Int
        var nonSpenders: Int
        var p: String
        /// Whether the interval excludes no change.
        var significant: Bool

        init(_ e: SatisfactionRevenue.Elasticity) {
            let effect = e.fivePercent
            let elasticity = e.estimate.elasticity
            self.effect = String(format: "%+.2f %%", effect.outcomeChangePercent)
            interval = String(
                format: "%+.2f %% to %+.2f %%", effect.confidenceInterval.lower, effect.confidenceInterval.upper)
            self.elasticity = String(format: "%.2f", elasticity.estimate)
            elasticityInterval = String(
                format: "%.2f to %.2f", elasticity.confidenceInterval.lower, elasticity.confidenceInterval.upper)
            spenders = e.spenders
            nonSpenders = e.nonSpenders
            p = RevenuePage.pValue(elasticity.pValue)
            significant = !elasticity.confidenceInterval.contains(0)
        }
    }
}
