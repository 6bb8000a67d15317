/// One estimated coefficient of a regression, with its inference.
public struct RegressionCoefficient: Sendable, Hashable, Codable {
    /// "intercept", "slope", or the covariate's name.
    public let name: String
    /// Point estimate.
    public let estimate: Double
    /// Standard error (classical OLS, homoscedastic errors).
    public let standardError: Double
    /// estimate / standardError (±∞ when the standard error is 0 and the estimate is not).
    public let tStatistic: Double
    /// Two-sided p-value of the null hypothesis "coefficient = 0" (Student t with the residual degrees of
    /// freedom).
    public let pValue: Double
    /// Confidence interval, estimate ± t quantile × standard error.
    public let confidenceInterval: ConfidenceInterval

    /// Computes t, p and the interval from an estimate and its standard error.
    public init(
        name: String, estimate: Double, standardError: Double, degreesOfFreedom: Double, confidenceLevel: Double
    ) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
        if standardError > 0 {
            tStatistic = estimate / standardError
            pValue = StudentT.twoSidedPValue(tStatistic, degreesOfFreedom: degreesOfFreedom)
        } else {
            tStatistic = estimate == 0 ? 0 : (estimate > 0 ? .infinity : -.infinity)
            pValue = estimate == 0 ? 1 : 0
        }
        confidenceInterval = ConfidenceInterval(
            estimate: estimate, standardError: standardError, degreesOfFreedom: degreesOfFreedom,
            level: confidenceLevel)
    }
}
