import Foundation

/// How often a digest summarises: a UTC day, or an ISO week (Monday 00:00 UTC to the next Monday).
public enum DigestPeriod: String, Sendable, Codable, CaseIterable {
    case daily
    case weekly

    /// The last complete period before `now`: yesterday, or last week.
    public func lastComplete(before now: Date) -> (start: Date, end: Date) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        switch self {
        case .daily:
            let end = calendar.startOfDay(for: now)
            return (calendar.date(byAdding: .day, value: -1, to: end)!, end)
        case .weekly:
            let end = calendar.dateInterval(of: .weekOfYear, for: now)!.start
            return (calendar.date(byAdding: .day, value: -7, to: end)!, end)
        }
    }

    /// The length of one period (UTC has no daylight saving, so every day is 86,400 s).
    public var seconds: TimeInterval {
        switch self {
        case .daily: 86_400
        case .weekly: 7 * 86_400
        }
    }
}
