/// Percentiles of a sample, e.g. of response durations in seconds (first response time, time to resolve).
///
/// Two definitions are offered, because dashboards and contracts differ:
/// - `.linear` (the default) interpolates between order statistics at rank h = (n − 1)·p, i.e. Hyndman & Fan
///   type 7 — the default of numpy `percentile`, R `quantile` and spreadsheet `PERCENTILE.INC`. It is smooth
///   and its median of an even-sized sample is the mean of the two middle values.
/// - `.nearestRank` returns an observed value: the ⌈p·n⌉-th smallest (the first for p = 0). It is what SLA
///   statements usually mean by "90 % of tickets were answered within X".
///
/// NaN values are ignored (counted in `ignoredCount`); an empty sample has no percentiles (nil).
public struct Percentiles: Sendable, Hashable {
    /// How a percentile is read off the sorted sample.
    public enum Method: String, Sendable, Hashable, Codable {
        /// Linear interpolation between order statistics (Hyndman & Fan type 7).
        case linear
        /// The ⌈p·n⌉-th smallest value.
        case nearestRank = "nearest_rank"
    }

    /// The sample, sorted ascending.
    public let sorted: [Double]
    /// NaN values left out.
    public let ignoredCount: Int
    /// The method used by `value(at:)`, `median` and `p90`.
    public let method: Method

    /// Creates percentiles of `values` (any order).
    public init(_ values: [Double], method: Method = .linear) {
        let kept = values.filter { !$0.isNaN }
        self.sorted = kept.sorted()
        self.ignoredCount = values.count - kept.count
        self.method = method
    }

    /// Number of values used.
    public var count: Int { sorted.count }
    /// The median (p = 0.5), nil for an empty sample.
    public var median: Double? { value(at: 0.5) }
    /// The 90th percentile, nil for an empty sample.
    public var p90: Double? { value(at: 0.9) }
    /// The 95th percentile, nil for an empty sample.
    public var p95: Double? { value(at: 0.95) }
    /// The smallest value.
    public var minimum: Double? { sorted.first }
    /// The largest value.
    public var maximum: Double? { sorted.last }

    /// The p-quantile for p in [0, 1] (0.9 is the 90th percentile); p is clamped to [0, 1]. Nil when empty.
    public func value(at p: Double) -> Double? {
        guard !sorted.isEmpty, !p.isNaN else { return nil }
        let p = min(1, max(0, p))
        let n = sorted.count
        switch method {
        case .linear:
            let h = Double(n - 1) * p
            let lower = Int(h.rounded(.down))
            let upper = min(lower + 1, n - 1)
            let fraction = h - Double(lower)
            return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
        case .nearestRank:
            let rank = max(1, Int((p * Double(n)).rounded(.up)))
            return sorted[min(rank, n) - 1]
        }
    }
}
