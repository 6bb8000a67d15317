import Foundation

/// Counts over consecutive time buckets, one line per series: what a time chart plots.
public struct RollupSeries: Sendable, Hashable, Codable {
    /// One series.
    public struct Line: Sendable, Hashable, Codable {
        /// Series name (a dimension value).
        public var name: String
        /// One count per bucket.
        public var values: [Int]
        /// Sum of the values.
        public var total: Int { values.reduce(0, +) }

        /// Creates a line.
        public init(name: String, values: [Int]) {
            self.name = name
            self.values = values
        }
    }

    /// Width of the buckets.
    public var granularity: Granularity
    /// Start of each bucket, in order.
    public var bucketStarts: [Date]
    /// The series, largest total first.
    public var lines: [Line]

    /// Creates a series set.
    public init(granularity: Granularity, bucketStarts: [Date], lines: [Line]) {
        self.granularity = granularity
        self.bucketStarts = bucketStarts
        self.lines = lines
    }

    /// Sum over all lines, per bucket.
    public var totals: [Int] {
        bucketStarts.indices.map { index in lines.reduce(0) { $0 + $1.values[index] } }
    }
}
