/// Mean of a sample with its t-based confidence interval.
///
/// For 0/1 data (retention, conversion) the mean is a proportion and the interval is the Wald interval with a
/// t quantile: adequate from roughly n·p ≥ 10 and n·(1 − p) ≥ 10, too narrow below that.
public struct SampleSummary: Sendable, Hashable, Codable {
    /// Number of values.
    public let count: Int
    /// Mean; nil for an empty sample.
    public let mean: Double?
    /// Sample variance (n − 1 denominator); nil below two values.
    public let variance: Double?
    /// Confidence interval of the mean (Student t with n − 1 degrees of freedom); nil below two values.
    public let confidenceInterval: ConfidenceInterval?

    /// Summarises `values`. Non-finite values make the summary throw.
    public init(_ values: [Double], confidenceLevel: Double = 0.95) throws(StatisticsError) {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidConfidenceLevel(confidenceLevel)
        }
        guard values.allSatisfy(\.isFinite) else { throw .nonFiniteValue }
        count = values.count
        guard !values.isEmpty else {
            mean = nil
            variance = nil
            confidenceInterval = nil
            return
        }
        let n = Double(values.count)
        let m = values.reduce(0, +) / n
        mean = m
        guard values.count > 1 else {
            variance = nil
            confidenceInterval = nil
            return
        }
        let v = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        variance = v
        confidenceInterval = ConfidenceInterval(
            estimate: m, standardError: (v / n).squareRoot(), degreesOfFreedom: n - 1, level: confidenceLevel)
    }

    /// Sample standard deviation; nil below two values.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// Standard error of the mean, √(variance / n); nil below two values.
    public var standardError: Double? { variance.map { ($0 / Double(count)).squareRoot() } }
}
