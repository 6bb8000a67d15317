import Foundation

/// A team's working time: a weekly schedule in a time zone, minus holidays.
///
/// SLA targets count only business seconds. Days are walked in the team's own time zone, so
/// daylight-saving shifts move the windows with the wall clock as people expect.
public struct BusinessHours: Hashable, Sendable, Codable {
    /// IANA identifier (`Europe/Paris`).
    public var timeZoneIdentifier: String
    public var weekly: [Weekday: [DailyWindow]]
    public var holidays: Set<LocalDate>

    public init(timeZoneIdentifier: String, weekly: [Weekday: [DailyWindow]], holidays: Set<LocalDate> = []) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.weekly = weekly
        self.holidays = holidays
    }

    /// The same window on every listed day.
    public init(
        timeZoneIdentifier: String, days: [Weekday] = Weekday.workdays, window: DailyWindow,
        holidays: Set<LocalDate> = []
    ) {
        self.init(
            timeZoneIdentifier: timeZoneIdentifier,
            weekly: Dictionary(uniqueKeysWithValues: days.map { ($0, [window]) }),
            holidays: holidays)
    }

    /// Open all the time (policies that count wall-clock time use this).
    public static let always = BusinessHours(
        timeZoneIdentifier: "UTC", days: Weekday.allCases, window: DailyWindow(startMinute: 0, endMinute: 1440))

    /// How far ahead `date(adding:to:)` searches before deciding a schedule never opens.
    static let searchDays = 3 * 366

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
        return calendar
    }

    /// True when `date` falls inside an opening window.
    public func isOpen(at date: Date) -> Bool {
        businessSeconds(from: date, to: date.addingTimeInterval(1)) > 0
    }

    /// Business seconds between two instants (0 when `end <= start`).
    public func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        if self == .always { return end.timeIntervalSince(start) }
        var total: TimeInterval = 0
        forEachWindow(from: start) { windowStart, windowEnd in
            if windowStart >= end { return false }
            let from = max(windowStart, start)
            let to = min(windowEnd, end)
            if to > from { total += to.timeIntervalSince(from) }
            return true
        }
        return total
    }

    /// The instant at which `seconds` of business time have passed after `start`; nil when the
    /// schedule has no opening in the next three years.
    public func date(adding seconds: TimeInterval, to start: Date) -> Date? {
        if seconds <= 0 { return start }
        if self == .always { return start.addingTimeInterval(seconds) }
        var remaining = seconds
        var result: Date?
        forEachWindow(from: start) { windowStart, windowEnd in
            let from = max(windowStart, start)
            guard windowEnd > from else { return true }
            let length = windowEnd.timeIntervalSince(from)
            if remaining <= length {
                result = from.addingTimeInterval(remaining)
                return false
            }
            remaining -= length
            return true
        }
        return result
    }

    /// Calls `body` with each opening window (absolute instants) from the local day of `start` on,
    /// in order, until it returns false or the search horizon ends.
    private func forEachWindow(from start: Date, _ body: (Date, Date) -> Bool) {
        let calendar = self.calendar
        var day = calendar.startOfDay(for: start)
        for _ in 0..<Self.searchDays {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            let local = LocalDate(parts.year!, parts.month!, parts.day!)
            if !holidays.contains(local), let weekday = Weekday(rawValue: parts.weekday!),
                let windows = weekly[weekday]
            {
                for window in windows.sorted(by: { $0.startMinute < $1.startMinute }) {
                    guard let windowStart = instant(local, minute: window.startMinute, calendar),
                        let windowEnd = instant(local, minute: window.endMinute, calendar),
                        windowEnd > windowStart
                    else { continue }
                    if windowEnd <= start { continue }
                    if !body(windowStart, windowEnd) { return }
                }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { return }
            day = next
        }
    }

    private func instant(_ date: LocalDate, minute: Int, _ calendar: Calendar) -> Date? {
        if minute >= 1440 {
            // Midnight at the end of the day is the start of the next one.
            guard let start = instant(date, minute: 0, calendar) else { return nil }
            return calendar.date(byAdding: .day, value: 1, to: start)
        }
        return calendar.date(
            from: DateComponents(
                year: date.year, month: date.month, day: date.day, hour: minute / 60, minute: minute % 60))
    }
}
