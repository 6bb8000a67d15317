import Foundation

/// "A 5 % increase in satisfaction goes with ≈ X % more sales", estimated by regression, with a confidence
/// interval.
///
/// Two methods:
/// - `.logLog`: paired levels (per store, region, account or month), fit ln(outcome) = a + e·ln(driver). The
///   slope e is a constant elasticity: a p % rise of the driver goes with (1 + p/100)^e − 1 of the outcome.
///   Pairs with a non-positive value are dropped (`droppedCount`).
/// - `.periodChanges`: one series of levels in time order; fit the period-over-period change of the outcome
///   (y_t/y_{t−1} − 1) on that of the driver. The slope b is a local elasticity, so a p % rise goes with
///   b·p %. Periods whose previous value is 0 are dropped. Differencing removes shared trends, which a
///   log-log fit on trending series would mistake for a relation.
///
/// The interval of the effect maps the slope's interval through the same formula (monotone in the slope).
/// It is an association measured on the data's range, not a causal effect: confounders (price, season,
/// campaigns) move both, the direction may run from sales to satisfaction, errors over time are usually
/// autocorrelated (intervals too narrow), and extrapolating beyond the observed changes is unsupported.
/// NPS cannot be logged (it is negative); use CSAT, an average rating, or promoter share as the driver.
public struct ElasticityEstimate: Sendable, Hashable, Codable {
    /// How driver and outcome are related.
    public enum Method: String, Sendable, Hashable, Codable {
        /// ln(outcome) on ln(driver), paired levels.
        case logLog = "log_log"
        /// Relative change of the outcome on relative change of the driver, consecutive periods.
        case periodChanges = "period_changes"
    }

    /// The method used.
    public let method: Method
    /// The underlying regression (x = ln driver or driver change, y = ln outcome or outcome change).
    public let regression: LinearRegression
    /// Observations dropped (non-positive values for log-log, zero previous values for period changes).
    public let droppedCount: Int

    /// Estimates the elasticity of `outcome` (sales) with respect to `driver` (satisfaction).
    public init(
        driver: [Double], outcome: [Double], method: Method = .logLog, confidenceLevel: Double = 0.95
    ) throws(StatisticsError) {
        guard driver.count == outcome.count else { throw .mismatchedLengths }
        var x: [Double] = []
        var y: [Double] = []
        var dropped = 0
        switch method {
        case .logLog:
            for (d, o) in zip(driver, outcome) {
                if d > 0, o > 0 {
                    x.append(log(d))
                    y.append(log(o))
                } else {
                    dropped += 1
                }
            }
        case .periodChanges:
            for t in driver.indices.dropFirst() {
                if driver[t - 1] != 0, outcome[t - 1] != 0 {
                    x.append(driver[t] / driver[t - 1] - 1)
                    y.append(outcome[t] / outcome[t - 1] - 1)
                } else {
                    dropped += 1
                }
            }
        }
        self.method = method
        self.droppedCount = dropped
        self.regression = try LinearRegression(x: x, y: y, confidenceLevel: confidenceLevel)
    }

    /// The elasticity (the regression slope) with its interval.
    public var elasticity: RegressionCoefficient { regression.slope }

    /// The outcome change, in percent, associated with a `percent` % change of the driver (5 for +5 %), with
    /// the interval from the elasticity's interval.
    public func effect(ofChange percent: Double) -> EffectEstimate {
        let e = elasticity.estimate
        let interval = elasticity.confidenceInterval
        let a = outcomeChange(percent, e)
        let b = outcomeChange(percent, interval.lower)
        let c = outcomeChange(percent, interval.upper)
        return EffectEstimate(
            driverChangePercent: percent, outcomeChangePercent: a,
            confidenceInterval: ConfidenceInterval(lower: min(b, c), upper: max(b, c), level: interval.level))
    }

    private func outcomeChange(_ percent: Double, _ slope: Double) -> Double {
        switch method {
        case .logLog: 100 * (pow(1 + percent / 100, slope) - 1)
        case .periodChanges: slope * percent
        }
    }
}

/// An outcome change associated with a driver change, both in percent.
public struct EffectEstimate: Sendable, Hashable, Codable {
    /// The driver change asked about, e.g. 5 for +5 %.
    public let driverChangePercent: Double
    /// The associated outcome change in percent.
    public let outcomeChangePercent: Double
    /// Its confidence interval, in percent.
    public let confidenceInterval: ConfidenceInterval
}
