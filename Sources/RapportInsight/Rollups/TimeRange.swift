import Foundation

/// A half-open interval of time [start, end), the period a dashboard shows.
public struct TimeRange: Sendable, Hashable, Codable {
    /// First instant included.
    public var start: Date
    /// First instant excluded.
    public var end: Date

    /// Creates a range; an `end` not after `start` gives an empty range.
    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// The `hours` hours up to the start of the hour after `now` (so the current hour is included).
    public static func lastHours(_ hours: Int, endingAt now: Date) -> TimeRange {
        let end = Granularity.hour.nextBucket(after: hourBucketStart(now))
        return TimeRange(start: end.addingTimeInterval(-Double(hours) * 3600), end: end)
    }

    /// True when `date` lies in [start, end).
    public func contains(_ date: Date) -> Bool { start <= date && date < end }

    /// Starts of the buckets that overlap the range, in order: the first is the bucket holding `start`
    /// (which may begin before it), the last the one holding the instant just before `end`.
    public func bucketStarts(_ granularity: Granularity, utcOffsetHours: Int = 0) -> [Date] {
        guard end > start else { return [] }
        var starts: [Date] = []
        var bucket = granularity.bucketStart(of: start, utcOffsetHours: utcOffsetHours)
        while bucket < end {
            starts.append(bucket)
            bucket = granularity.nextBucket(after: bucket)
        }
        return starts
    }

    /// Sums timestamped values (typically hourly rollups) into the range's buckets, one value per bucket of
    /// `bucketStarts(granularity:utcOffsetHours:)`, with 0 for empty buckets. Values outside the range are
    /// ignored. Only additive quantities re-bucket this way: for an average, re-bucket sums and counts
    /// separately and divide.
    public func rebucket(
        _ values: some Sequence<(Date, Double)>, into granularity: Granularity, utcOffsetHours: Int = 0
    ) -> [Double] {
        let starts = bucketStarts(granularity, utcOffsetHours: utcOffsetHours)
        var totals = [Double](repeating: 0, count: starts.count)
        guard let first = starts.first else { return totals }
        for (date, value) in values where contains(date) {
            let bucket = granularity.bucketStart(of: date, utcOffsetHours: utcOffsetHours)
            let index = Int(
                ((bucket.timeIntervalSince1970 - first.timeIntervalSince1970) / granularity.seconds)
                    .rounded())
            if totals.indices.contains(index) { totals[index] += value }
        }
        return totals
    }
}
