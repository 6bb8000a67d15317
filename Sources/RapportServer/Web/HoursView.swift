import Foundation
import RapportDesk

/// A team's business hours as the admin page shows and edits them.
enum HoursView {
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// The business-hours form of one team, filled with its hours (or 09:00–17:00 on workdays when it has none).
    struct Form: Sendable {
        var alwaysOpen: Bool
        var timeZone: String
        var open: String
        var close: String
        var days: [Day]
        /// Comma-separated `YYYY-MM-DD`.
        var holidays: String
        var hoursText: String
    }

    /// One working-day checkbox.
    struct Day: Sendable {
        var value: Int
        var name: String
        var checked: Bool
    }

    static func form(_ hours: BusinessHours?) -> Form {
        let window = hours?.weekly.values.first?.first
        let open = Set(hours?.weekly.keys.map(\.rawValue) ?? Weekday.workdays.map(\.rawValue))
        return Form(
            alwaysOpen: hours == nil, timeZone: hours?.timeZoneIdentifier ?? "UTC",
            open: clock(window?.startMinute ?? 9 * 60), close: clock(window?.endMinute ?? 17 * 60),
            days: Weekday.allCases.map {
                Day(value: $0.rawValue, name: dayNames[$0.rawValue - 1], checked: open.contains($0.rawValue))
            },
            holidays: (hours?.holidays.sorted() ?? []).map(\.description).joined(separator: ", "),
            hoursText: summary(hours))
    }

    /// "Mon Tue Wed Thu Fri 09:00–17:30 (Europe/London), 2 holidays" or "around the clock".
    static func summary(_ hours: BusinessHours?) -> String {
        guard let hours else { return "around the clock" }
        let days = Weekday.allCases.filter { hours.weekly[$0]?.isEmpty == false }.map { dayNames[$0.rawValue - 1] }
        let window = hours.weekly.values.first?.first
        let times = window.map { "\(clock($0.startMinute))–\(clock($0.endMinute))" } ?? ""
        let holidays = hours.holidays.isEmpty ? "" : ", \(hours.holidays.count) holiday(s)"
        return "\(days.joined(separator: " ")) \(times) (\(hours.timeZoneIdentifier))\(holidays)"
    }

    static func clock(_ minute: Int) -> String {
        let h = minute / 60
        let m = minute % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}
