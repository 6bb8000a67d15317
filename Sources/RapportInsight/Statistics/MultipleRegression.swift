/// Ordinary least squares with several covariates: y = b₀ + b₁x₁ + … + b_k x_k + ε, meant for a handful of
/// covariates (2–4, at most a few dozen).
///
/// Solved through the normal equations on centred and scaled covariates: with z_j = (x_j − x̄_j)/‖x_j − x̄_j‖,
/// Z′Z is the covariates' correlation matrix, which Gauss–Jordan elimination with partial pivoting inverts
/// (a pivot below 1e-10 means the covariates are collinear: `StatisticsError.singularDesign`). The intercept is
/// ȳ − Σ b_j x̄_j and its variance s²/n + x̄′ Cov(b) x̄ (the centred intercept is uncorrelated with the slopes).
/// Classical standard errors with s² = SSE / (n − k − 1), Student t with n − k − 1 degrees of freedom.
public struct MultipleRegression: Sendable, Hashable, Codable {
    /// Observations used.
    public let count: Int
    /// The intercept first, then one coefficient per covariate, in input order.
    public let coefficients: [RegressionCoefficient]
    /// 1 − SSE/SST (1 when y is constant).
    public let rSquared: Double
    /// 1 − (1 − R²)(n − 1)/(n − k − 1).
    public let adjustedRSquared: Double
    /// s, the estimated standard deviation of the errors.
    public let residualStandardError: Double
    /// Residual degrees of freedom, n − k − 1.
    public let degreesOfFreedom: Int
    /// Confidence level of the intervals.
    public let confidenceLevel: Double

    /// Fits `response` on `covariates`, one row per observation (each row holds k values, k ≥ 1).
    /// `names` names the covariates (default x1, x2, …). Throws on ragged rows, n ≤ k + 1, non-finite values
    /// or collinear covariates.
    public init(
        covariates rows: [[Double]], response y: [Double], names: [String]? = nil, confidenceLevel: Double = 0.95
    ) throws(StatisticsError) {
        guard rows.count == y.count, let k = rows.first?.count, k > 0, rows.allSatisfy({ $0.count == k }),
            names == nil || names!.count == k
        else { throw rows.isEmpty ? .tooFewObservations(needed: 3, got: 0) : .mismatchedLengths }
        guard rows.count > k + 1 else { throw .tooFewObservations(needed: k + 2, got: rows.count) }
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        guard y.allSatisfy(\.isFinite), rows.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw .nonFiniteValue
        }
        let n = rows.count
        let nn = Double(n)
        let means = (0..<k).map { j in rows.reduce(0) { $0 + $1[j] } / nn }
        let meanY = y.reduce(0, +) / nn
        let scales = (0..<k).map { j in rows.reduce(0) { $0 + ($1[j] - means[j]) * ($1[j] - means[j]) }.squareRoot() }
        guard scales.allSatisfy({ $0 > 0 }) else { throw .singularDesign }
        let z = rows.map { row in (0..<k).map { (row[$0] - means[$0]) / scales[$0] } }
        var zz = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var zy = [Double](repeating: 0, count: k)
        for (row, yi) in zip(z, y) {
            for i in 0..<k {
                zy[i] += row[i] * (yi - meanY)
                for j in 0..<k { zz[i][j] += row[i] * row[j] }
            }
        }
        guard let inverse = Self.invert(zz) else { throw .singularDesign }
        let gamma = (0..<k).map { i in (0..<k).reduce(0) { $0 + inverse[i][$1] * zy[$1] } }
        let slopes = (0..<k).map { gamma[$0] / scales[$0] }
        let intercept = meanY - zip(slopes, means).reduce(0) { $0 + $1.0 * $1.1 }
        var sse = 0.0
        var sst = 0.0
        for (row, yi) in zip(rows, y) {
            let fitted = intercept + zip(slopes, row).reduce(0) { $0 + $1.0 * $1.1 }
            sse += (yi - fitted) * (yi - fitted)
            sst += (yi - meanY) * (yi - meanY)
        }
        let df = n - k - 1
        let s2 = sse / Double(df)
        // Cov(b)_ij = s² · inverse_ij / (scale_i · scale_j).
        let covariance = (0..<k).map { i in (0..<k).map { j in s2 * inverse[i][j] / (scales[i] * scales[j]) } }
        var interceptVariance = s2 / nn
        for i in 0..<k { for j in 0..<k { interceptVariance += means[i] * covariance[i][j] * means[j] } }
        let labels = names ?? (1...k).map { "x\($0)" }
        var coefficients = [
            RegressionCoefficient(
                name: "intercept", estimate: intercept, standardError: max(0, interceptVariance).squareRoot(),
                degreesOfFreedom: Double(df), confidenceLevel: confidenceLevel)
        ]
        for j in 0..<k {
            coefficients.append(
                RegressionCoefficient(
                    name: labels[j], estimate: slopes[j], standardError: max(0, covariance[j][j]).squareRoot(),
                    degreesOfFreedom: Double(df), confidenceLevel: confidenceLevel))
        }
        self.count = n
        self.coefficients = coefficients
        self.degreesOfFreedom = df
        self.confidenceLevel = confidenceLevel
        residualStandardError = s2.squareRoot()
        rSquared = sst > 0 ? max(0, 1 - sse / sst) : 1
        adjustedRSquared = sst > 0 ? 1 - (1 - rSquared) * (nn - 1) / Double(df) : 1
    }

    /// The fitted value for one row of covariates (same order as in the fit).
    public func predict(_ covariates: [Double]) -> Double {
        zip(coefficients.dropFirst(), covariates).reduce(coefficients[0].estimate) { $0 + $1.0.estimate * $1.1 }
    }

    /// The coefficient named `name` ("intercept" or a covariate name).
    public func coefficient(named name: String) -> RegressionCoefficient? {
        coefficients.first { $0.name == name }
    }

    /// Inverse of a symmetric positive semi-definite matrix by Gauss–Jordan elimination with partial pivoting;
    /// nil when a pivot falls below 1e-10 (the input is a correlation matrix, so that is an absolute scale).
    static func invert(_ matrix: [[Double]]) -> [[Double]]? {
        let k = matrix.count
        var a = matrix
        var inverse = (0..<k).map { i in (0..<k).map { j in i == j ? 1.0 : 0.0 } }
        for column in 0..<k {
            var pivotRow = column
            for row in column..<k where abs(a[row][column]) > abs(a[pivotRow][column]) { pivotRow = row }
            guard abs(a[pivotRow][column]) > 1e-10 else { return nil }
            a.swapAt(column, pivotRow)
            inverse.swapAt(column, pivotRow)
            let pivot = a[column][column]
            for j in 0..<k {
                a[column][j] /= pivot
                inverse[column][j] /= pivot
            }
            for row in 0..<k where row != column {
                let factor = a[row][column]
                guard factor != 0 else { continue }
                for j in 0..<k {
                    a[row][j] -= factor * a[column][j]
                    inverse[row][j] -= factor * inverse[column][j]
                }
            }
        }
        return inverse
    }
}
