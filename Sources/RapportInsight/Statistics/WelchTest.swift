/// Welch's unequal-variance t-test of the difference of two means, group − reference.
///
/// SE = √(s₁²/n₁ + s₀²/n₀); ν by Welch–Satterthwaite, (s₁²/n₁ + s₀²/n₀)² / ((s₁²/n₁)²/(n₁−1) + (s₀²/n₀)²/(n₀−1)).
/// Assumes independent observations; robust to unequal variances and sizes, and to non-normality from a few
/// dozen observations per group.
public struct WelchTest: Sendable, Hashable, Codable {
    /// mean(group) − mean(reference).
    public let difference: Double
    /// Standard error of the difference.
    public let standardError: Double
    /// Welch–Satterthwaite degrees of freedom (n₁ + n₀ − 2 when both groups are constant).
    public let degreesOfFreedom: Double
    /// difference / standardError.
    public let tStatistic: Double
    /// Two-sided p-value of "no difference".
    public let pValue: Double
    /// Confidence interval of the difference.
    public let confidenceInterval: ConfidenceInterval

    /// Compares `group` with `reference`; nil unless both have at least two values.
    public init?(group: SampleSummary, reference: SampleSummary, confidenceLevel: Double = 0.95) {
        guard let m1 = group.mean, let v1 = group.variance, let m0 = reference.mean, let v0 = reference.variance
        else { return nil }
        let n1 = Double(group.count)
        let n0 = Double(reference.count)
        let a = v1 / n1
        let b = v0 / n0
        difference = m1 - m0
        standardError = (a + b).squareRoot()
        if a + b > 0 {
            degreesOfFreedom = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n0 - 1))
            tStatistic = difference / standardError
            pValue = StudentT.twoSidedPValue(tStatistic, degreesOfFreedom: degreesOfFreedom)
        } else {
            degreesOfFreedom = n1 + n0 - 2
            tStatistic = difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
            pValue = difference == 0 ? 1 : 0
        }
        confidenceInterval = ConfidenceInterval(
            estimate: difference, standardError: standardError, degreesOfFreedom: degreesOfFreedom,
            level: confidenceLevel)
    }
}
