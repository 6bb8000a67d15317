import Foundation

/// Width of a chart's time buckets. Buckets have fixed lengths in UTC (no daylight-saving shifts), aligned on
/// the hour, on midnight, and on Monday midnight (ISO weeks), optionally in a fixed whole-hour offset from UTC
/// — so hourly rollups re-bucket into days and weeks exactly.
public enum Granularity: String, Sendable, Hashable, Codable, CaseIterable {
    /// One hour.
    case hour
    /// One day.
    case day
    /// One week, Monday to Sunday.
    case week

    /// The bucket length in seconds.
    public var seconds: Double {
        switch self {
        case .hour: 3600
        case .day: 86_400
        case .week: 604_800
        }
    }

    /// Where buckets are anchored, in seconds since 1970 (UTC): 1970-01-05 was a Monday.
    private var anchor: Double { self == .week ? 4 * 86_400 : 0 }

    /// Start of the bucket holding `date`. `utcOffsetHours` shifts day and week boundaries to a fixed local
    /// offset (e.g. 2 → buckets start at 22:00 UTC); hours are the same in every whole-hour offset.
    public func bucketStart(of date: Date, utcOffsetHours: Int = 0) -> Date {
        let offset = self == .hour ? 0 : Double(utcOffsetHours) * 3600
        let shifted = date.timeIntervalSince1970 + offset - anchor
        let start = (shifted / seconds).rounded(.down) * seconds + anchor - offset
        return Date(timeIntervalSince1970: start)
    }

    /// Start of the bucket after the one starting at `start`.
    public func nextBucket(after start: Date) -> Date { start.addingTimeInterval(seconds) }
}

/// The UTC hour holding `date`: the bucket of hourly rollups.
public func hourBucketStart(_ date: Date) -> Date { Granularity.hour.bucketStart(of: date) }
