/// Ordinary least squares with one covariate: y = a + b·x + ε.
///
/// Standard errors are the classical ones (independent errors of constant variance σ², estimated by
/// s² = SSE / (n − 2)); intervals and p-values use Student t with n − 2 degrees of freedom:
/// SE(b) = s / √Sxx, SE(a) = s · √(1/n + x̄² / Sxx). Sums are taken around the means, so large x values
/// (timestamps) do not lose precision. Heteroscedastic or autocorrelated data (most time series) make the
/// intervals too narrow; see docs/insight.md.
public struct LinearRegression: Sendable, Hashable, Codable {
    /// Observations used.
    public let count: Int
    /// a.
    public let intercept: RegressionCoefficient
    /// b.
    public let slope: RegressionCoefficient
    /// Coefficient of determination, 1 − SSE/SST (1 when y is constant, since the fit is then exact).
    public let rSquared: Double
    /// s, the estimated standard deviation of the errors.
    public let residualStandardError: Double
    /// Residual degrees of freedom, n − 2.
    public let degreesOfFreedom: Int
    /// Confidence level of the intervals.
    public let confidenceLevel: Double

    /// Fits y on x. Throws when the lengths differ, n < 3, a value is not finite or x is constant.
    public init(x: [Double], y: [Double], confidenceLevel: Double = 0.95) throws(StatisticsError) {
        guard x.count == y.count else { throw .mismatchedLengths }
        guard x.count >= 3 else { throw .tooFewObservations(needed: 3, got: x.count) }
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { throw .nonFiniteValue }
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var sxx = 0.0
        var sxy = 0.0
        var syy = 0.0
        for (xi, yi) in zip(x, y) {
            sxx += (xi - meanX) * (xi - meanX)
            sxy += (xi - meanX) * (yi - meanY)
            syy += (yi - meanY) * (yi - meanY)
        }
        let sumOfSquares = x.reduce(0) { $0 + $1 * $1 }
        guard sxx > 0, sxx > 1e-24 * sumOfSquares else { throw .singularDesign }
        let b = sxy / sxx
        let a = meanY - b * meanX
        var sse = 0.0
        for (xi, yi) in zip(x, y) {
            let residual = yi - a - b * xi
            sse += residual * residual
        }
        let df = x.count - 2
        let s2 = sse / Double(df)
        count = x.count
        degreesOfFreedom = df
        self.confidenceLevel = confidenceLevel
        residualStandardError = s2.squareRoot()
        rSquared = syy > 0 ? max(0, 1 - sse / syy) : 1
        slope = RegressionCoefficient(
            name: "slope", estimate: b, standardError: (s2 / sxx).squareRoot(), degreesOfFreedom: Double(df),
            confidenceLevel: confidenceLevel)
        intercept = RegressionCoefficient(
            name: "intercept", estimate: a, standardError: (s2 * (1 / n + meanX * meanX / sxx)).squareRoot(),
            degreesOfFreedom: Double(df), confidenceLevel: confidenceLevel)
    }

    /// The fitted value a + b·x.
    public func predict(_ x: Double) -> Double { intercept.estimate + slope.estimate * x }
}
