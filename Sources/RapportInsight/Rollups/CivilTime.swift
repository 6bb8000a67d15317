import Foundation

/// Calendar fields of an instant in UTC (or at a fixed offset), and its ISO 8601 text, computed with
/// Hinnant's days-to-civil algorithm: proleptic Gregorian, no `Calendar`, locale or ICU formatter involved.
/// Dashboards format thousands of dates per page (every drill-down link carries two), and creating a
/// Foundation date formatter for each cost more than the page's database reads.
public struct CivilTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    /// The fields of `date` shifted by `offsetHours`; the time is rounded to the millisecond, then fractions of a
    /// second are dropped (as Foundation's formatters do).
    public init(_ date: Date, offsetHours: Int = 0) {
        let milliseconds = Int(((date.timeIntervalSince1970 + Double(offsetHours) * 3600) * 1000).rounded())
        let seconds = Int((Double(milliseconds) / 1000).rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
    }

    /// "2026-11-23", zero-padded.
    public var dateText: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// "13:05", zero-padded.
    public var timeText: String { "\(Self.pad(hour, 2)):\(Self.pad(minute, 2))" }

    /// `date` as ISO 8601 internet date-time in UTC, whole seconds: "2026-11-23T13:05:00Z" — the same text as
    /// `ISO8601DateFormatter` with `.withInternetDateTime` and `Date.ISO8601FormatStyle()`.
    public static func iso8601(_ date: Date) -> String {
        let f = CivilTime(date)
        return "\(f.dateText)T\(f.timeText):\(pad(f.second, 2))Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
