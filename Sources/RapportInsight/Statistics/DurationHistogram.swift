/// Counts of durations (first response, resolution) in fixed bins, so they can be summed in rollups
/// and read back as percentiles without the raw rows.
///
/// The bins are human-scale (30 s … 30 days, each at most 1.5× the previous above two minutes). A
/// percentile is interpolated linearly inside the bin that holds its rank, so it lies between the lower
/// bound of the bin of the order statistic just below that rank and the upper bound of the bin of the one
/// just above, as the exact percentile does: usually the same bin, within a factor 1.5 above two minutes.
public struct DurationHistogram: Sendable, Hashable, Codable {
    /// Exclusive upper bounds of every bin but the last, in seconds; the last bin is everything above.
    public static let upperBounds: [Double] = [
        30, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1_200, 1_800, 2_700, 3_600, 5_400, 7_200, 10_800, 14_400,
        21_600, 28_800, 43_200, 64_800, 86_400, 129_600, 172_800, 259_200, 345_600, 518_400, 691_200, 1_036_800,
        1_382_400, 2_073_600, 2_592_000,
    ]
    /// Number of bins (the bounds plus the open last one).
    public static let binCount = upperBounds.count + 1

    /// Count per bin.
    public private(set) var counts: [Int]

    public init() { counts = Array(repeating: 0, count: Self.binCount) }

    /// A histogram from per-bin counts (missing bins are zero, extra ones ignored).
    public init(counts: [Int]) {
        self.init()
        for (i, n) in counts.prefix(Self.binCount).enumerated() { self.counts[i] = n }
    }

    /// The bin of a duration; negative durations count as zero.
    public static func bin(of seconds: Double) -> Int {
        var low = 0
        var high = upperBounds.count
        while low < high {  // first bound above `seconds`
            let mid = (low + high) / 2
            if upperBounds[mid] > seconds { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// [lower, upper) of a bin in seconds; the open last bin is given a width of half its lower bound.
    public static func range(ofBin bin: Int) -> (lower: Double, upper: Double) {
        let lower = bin == 0 ? 0 : upperBounds[bin - 1]
        let upper = bin < upperBounds.count ? upperBounds[bin] : lower * 1.5
        return (lower, upper)
    }

    public mutating func add(seconds: Double, count: Int = 1) { counts[Self.bin(of: seconds)] += count }

    public mutating func add(_ other: DurationHistogram) {
        for i in counts.indices { counts[i] += other.counts[i] }
    }

    public var total: Int { counts.reduce(0, +) }

    /// The p-quantile (p in [0, 1]): the value at rank (n − 1)·p, as `Percentiles.linear` reads a sorted
    /// sample, placed by assuming the values of its bin are spread evenly across it. Nil when empty.
    public func value(at p: Double) -> Double? {
        let n = total
        guard n > 0, !p.isNaN else { return nil }
        let rank = Double(n - 1) * min(1, max(0, p))
        var below = 0
        for (bin, count) in counts.enumerated() where count > 0 {
            if rank < Double(below + count) {
                let (lower, upper) = Self.range(ofBin: bin)
                // The bin's values sit at the centres of `count` equal slices.
                return lower + (upper - lower) * ((rank - Double(below)) + 0.5) / Double(count)
            }
            below += count
        }
        return nil
    }

    public var median: Double? { value(at: 0.5) }
    public var p90: Double? { value(at: 0.9) }
}
