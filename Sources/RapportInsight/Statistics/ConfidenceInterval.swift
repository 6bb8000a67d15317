/// A two-sided confidence interval.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// Lower bound.
    public var lower: Double
    /// Upper bound.
    public var upper: Double
    /// Confidence level, e.g. 0.95.
    public var level: Double

    /// Creates an interval.
    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// `estimate ± q × standardError`, where q is the Student t quantile for `level` and `degreesOfFreedom`.
    public init(estimate: Double, standardError: Double, degreesOfFreedom: Double, level: Double) {
        let q = StudentT.quantile((1 + level) / 2, degreesOfFreedom: degreesOfFreedom)
        self.init(lower: estimate - q * standardError, upper: estimate + q * standardError, level: level)
    }

    /// True when `value` lies within the bounds.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
