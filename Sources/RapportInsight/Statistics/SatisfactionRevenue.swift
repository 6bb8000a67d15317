import Foundation

/// How satisfaction relates to later spend and retention, from a brand's own survey answers and orders.
///
/// Each customer counts once per driver: their latest answer (or engagement) whose follow-up window of
/// `windowDays` has ended by `now` (later answers would have their spend cut short and are left out, counted
/// in `incompleteWindows`). The outcome is the spend in (answer, answer + window] and whether they ordered
/// again in it (retention).
///
/// - Cohorts: NPS promoters / passives / detractors, CSAT satisfied (4–5) / neutral (3) / dissatisfied (1–2),
///   sentiment after engagement positive / neutral / negative; each compared with the unhappiest group by
///   Welch's t-test (`CohortComparison`), spend and retention.
/// - Regression of later spend on the score (`LinearRegression`): "one point more goes with X more".
/// - Elasticity of later spend with respect to the CSAT rating (`ElasticityEstimate`, log-log, spenders only):
///   "5 % more satisfaction goes with X % more spend".
///
/// Figures are refused (with the reason) below `minimumGroup` per cohort or `minimumPairs` for a fit.
/// Associations only: see `limits`.
public struct SatisfactionRevenue: Sendable, Codable {
    public var windowDays: Int
    public var minimumGroup: Int
    public var minimumPairs: Int
    public var ordersCounted: Int
    public var incompleteWindows: Int
    public var nps: DriverCohorts
    public var csat: DriverCohorts
    public var sentiment: DriverCohorts
    public var npsSlope: Finding<SpendSlope>
    public var csatSlope: Finding<SpendSlope>
    public var sentimentSlope: Finding<SpendSlope>
    public var csatElasticity: Finding<Elasticity>

    /// What the figures are and are not (shown with them).
    public static let limits: [String] = [
        "These are associations, not causes: price, product, season or a campaign can move satisfaction and spend together, and heavy buyers may simply be happier.",
        "Only customers who answered a survey (or wrote to the desk) are counted; who answers is self-selected, so a promoter–detractor gap is not what converting one detractor would earn.",
        "Each comparison is tested at 95 % on its own (no correction for testing several); rates near 0 % or 100 % with small groups have too-narrow intervals.",
        "Spend is summed as recorded, in whatever currencies the orders carry; convert before importing when several are used.",
        "The elasticity is fitted on customers who spent in the window only; extrapolating beyond the observed ratings is unsupported.",
    ]

    public init(
        nps: [Observation], csat: [Observation], sentimentAfter: [Observation], purchases: [Purchase],
        windowDays: Int = 90, now: Date, minimumGroup: Int = 10, minimumPairs: Int = 20
    ) {
        self.windowDays = windowDays
        self.minimumGroup = minimumGroup
        self.minimumPairs = minimumPairs
        let window = Double(windowDays) * 86_400
        var byCustomer: [Int64: [Purchase]] = [:]
        for p in purchases { byCustomer[p.customerID, default: []].append(p) }
        ordersCounted = purchases.count
        var incomplete = 0
        /// Latest complete observation per customer, with its outcome.
        func outcomes(_ observations: [Observation]) -> [(value: Double, spend: Double, retained: Bool)] {
            var latest: [Int64: Observation] = [:]
            for o in observations {
                guard o.at.addingTimeInterval(window) <= now else {
                    incomplete += 1
                    continue
                }
                if let seen = latest[o.customerID], seen.at >= o.at { continue }
                latest[o.customerID] = o
            }
            return latest.keys.sorted().map { id in
                let o = latest[id]!
                let later = (byCustomer[id] ?? []).filter { $0.at > o.at && $0.at <= o.at.addingTimeInterval(window) }
                return (o.value, later.map(\.amount).reduce(0, +), !later.isEmpty)
            }
        }
        let npsRows = outcomes(nps)
        let csatRows = outcomes(csat)
        let sentimentRows = outcomes(sentimentAfter)
        incompleteWindows = incomplete
        self.nps = Self.cohorts(
            "NPS", npsRows, minimumGroup: minimumGroup, reference: "detractors",
            groups: [("promoters", { $0 >= 9 }), ("passives", { $0 >= 7 && $0 < 9 }), ("detractors", { $0 < 7 })])
        self.csat = Self.cohorts(
            "CSAT", csatRows, minimumGroup: minimumGroup, reference: "dissatisfied (1–2)",
            groups: [
                ("satisfied (4–5)", { $0 >= 4 }), ("neutral (3)", { $0 >= 3 && $0 < 4 }),
                ("dissatisfied (1–2)", { $0 < 3 }),
            ])
        self.sentiment = Self.cohorts(
            "sentiment after engagement", sentimentRows, minimumGroup: minimumGroup, reference: "negative",
            groups: [
                ("positive", { $0 > SentimentTurnaround.threshold }),
                ("neutral", { abs($0) <= SentimentTurnaround.threshold }),
                ("negative", { $0 < -SentimentTurnaround.threshold }),
            ])
        npsSlope = Self.slope("NPS score (0–10)", npsRows, minimumPairs: minimumPairs)
        csatSlope = Self.slope("CSAT rating (1–5)", csatRows, minimumPairs: minimumPairs)
        sentimentSlope = Self.slope("sentiment after engagement (−1…1)", sentimentRows, minimumPairs: minimumPairs)
        let spenders = csatRows.filter { $0.spend > 0 }
        if spenders.count < minimumPairs {
            csatElasticity = Finding(
                value: nil,
                refusal:
                    "Too few customers who answered a CSAT survey and spent in the following \(windowDays) days (\(spenders.count); at least \(minimumPairs) needed)."
            )
        } else {
            do {
                let e = try ElasticityEstimate(driver: spenders.map(\.value), outcome: spenders.map(\.spend))
                csatElasticity = Finding(
                    value: Elasticity(
                        estimate: e, fivePercent: e.effect(ofChange: 5), spenders: spenders.count,
                        nonSpenders: csatRows.count - spenders.count), refusal: nil)
            } catch {
                csatElasticity = Finding(value: nil, refusal: "No fit: \(error) (every rating the same?).")
            }
        }
    }

    static func cohorts(
        _ driver: String, _ rows: [(value: Double, spend: Double, retained: Bool)], minimumGroup: Int,
        reference: String, groups: [(String, (Double) -> Bool)]
    ) -> DriverCohorts {
        let members = groups.map { name, test in (name, rows.filter { test($0.value) }) }
        let small = members.filter { $0.1.count < minimumGroup }
        guard small.isEmpty else {
            let reason =
                "Too few customers to compare: "
                + members.map { "\($0.0) \($0.1.count)" }.joined(separator: ", ")
                + " (at least \(minimumGroup) in every group needed)."
            return DriverCohorts(
                driver: driver, customers: rows.count, spend: Finding(value: nil, refusal: reason),
                retention: Finding(value: nil, refusal: reason))
        }
        let spend = try? CohortComparison(
            samples: members.map { CohortSample(name: $0.0, values: $0.1.map(\.spend)) }, reference: reference)
        let retention = try? CohortComparison(
            samples: members.map { CohortSample(name: $0.0, outcomes: $0.1.map(\.retained)) }, reference: reference)
        return DriverCohorts(
            driver: driver, customers: rows.count,
            spend: Finding(value: spend, refusal: spend == nil ? "No comparison (non-finite amounts)." : nil),
            retention: Finding(value: retention, refusal: retention == nil ? "No comparison." : nil))
    }

    static func slope(_ driver: String, _ rows: [(value: Double, spend: Double, retained: Bool)], minimumPairs: Int)
        -> Finding<SpendSlope>
    {
        guard rows.count >= minimumPairs else {
            return Finding(
                value: nil,
                refusal: "Too few customers (\(rows.count); at least \(minimumPairs) needed) for a regression.")
        }
        do {
            let fit = try LinearRegression(x: rows.map(\.value), y: rows.map(\.spend))
            let mean = rows.map(\.spend).reduce(0, +) / Double(rows.count)
            guard mean > 0 else { return Finding(value: nil, refusal: "Nobody spent in the window.") }
            let interval = fit.slope.confidenceInterval
            return Finding(
                value: SpendSlope(
                    driver: driver, regression: fit, meanSpend: mean, percentPerPoint: 100 * fit.slope.estimate / mean,
                    percentPerPointInterval: ConfidenceInterval(
                        lower: 100 * interval.lower / mean, upper: 100 * interval.upper / mean, level: interval.level)),
                refusal: nil)
        } catch {
            return Finding(value: nil, refusal: "No fit: \(error) (every score the same?).")
        }
    }
}
