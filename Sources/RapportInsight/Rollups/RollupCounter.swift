import Foundation

/// Mention counts per `RollupKey`: what the ingest side adds to and the storage side upserts hourly
/// (`count = count + excluded.count`). Counting is commutative, so counters from several workers merge by
/// addition in any order.
public struct RollupCounter: Sendable, Hashable, Codable {
    /// The counts; keys whose count returns to 0 are removed.
    public private(set) var counts: [RollupKey: Int]

    /// Creates a counter, empty or from stored rows.
    public init(counts: [RollupKey: Int] = [:]) {
        self.counts = counts.filter { $0.value != 0 }
    }

    /// Adds `count` (negative to retract, e.g. after re-analysis) to `key`.
    public mutating func add(_ key: RollupKey, count: Int = 1) {
        let updated = counts[key, default: 0] + count
        counts[key] = updated == 0 ? nil : updated
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: RollupCounter) {
        for (key, count) in other.counts { add(key, count: count) }
    }

    /// This counter plus `other`.
    public func merging(_ other: RollupCounter) -> RollupCounter {
        var result = self
        result.merge(other)
        return result
    }

    /// Sum of all counts.
    public var total: Int { counts.values.reduce(0, +) }

    /// The rows in `RollupKey` order, for deterministic storage and output.
    public var sortedRows: [(key: RollupKey, count: Int)] {
        counts.sorted { $0.key < $1.key }.map { (key: $0.key, count: $0.value) }
    }

    /// The counts whose key satisfies `isIncluded` (e.g. one brand, or hours in a range).
    public func filter(_ isIncluded: (RollupKey) -> Bool) -> RollupCounter {
        RollupCounter(counts: counts.filter { isIncluded($0.key) })
    }

    /// Totals per value of `dimension` (e.g. language mix, share of voice per brand, level funnel).
    public func totals(by dimension: RollupDimension) -> [String: Int] {
        var totals: [String: Int] = [:]
        for (key, count) in counts { totals[key.value(of: dimension), default: 0] += count }
        return totals
    }

    /// Counts over `range` in buckets of `granularity`, one line per value of `dimension` (or a single line
    /// named `totalName` when `dimension` is nil), with zeros for empty buckets. Lines are ordered by
    /// decreasing total, then name; beyond `maximumSeries` lines the smallest are summed into one line named
    /// `otherName`.
    public func timeSeries(
        by dimension: RollupDimension?, over range: TimeRange, granularity: Granularity, utcOffsetHours: Int = 0,
        maximumSeries: Int = .max, totalName: String = "All", otherName: String = "Other"
    ) -> RollupSeries {
        let starts = range.bucketStarts(granularity, utcOffsetHours: utcOffsetHours)
        var lines: [String: [Int]] = [:]
        if let first = starts.first {
            for (key, count) in counts where range.contains(key.hourStart) {
                let name = dimension.map { key.value(of: $0) } ?? totalName
                let bucket = granularity.bucketStart(of: key.hourStart, utcOffsetHours: utcOffsetHours)
                let index = Int(
                    ((bucket.timeIntervalSince1970 - first.timeIntervalSince1970) / granularity.seconds).rounded())
                guard starts.indices.contains(index) else { continue }
                lines[name, default: [Int](repeating: 0, count: starts.count)][index] += count
            }
        }
        var ordered = lines.map { RollupSeries.Line(name: $0.key, values: $0.value) }
            .sorted { ($1.total, $0.name) < ($0.total, $1.name) }
        if dimension == nil, ordered.isEmpty, !starts.isEmpty {
            ordered = [RollupSeries.Line(name: totalName, values: [Int](repeating: 0, count: starts.count))]
        }
        if ordered.count > max(1, maximumSeries) {
            let kept = max(1, maximumSeries) - 1
            let rest = ordered[kept...]
            let other = (0..<starts.count).map { index in rest.reduce(0) { $0 + $1.values[index] } }
            ordered = Array(ordered[..<kept]) + [RollupSeries.Line(name: otherName, values: other)]
        }
        return RollupSeries(granularity: granularity, bucketStarts: starts, lines: ordered)
    }
}
