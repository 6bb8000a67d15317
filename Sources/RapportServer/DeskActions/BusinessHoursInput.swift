import Foundation
import RapportDesk

/// Opening hours as people write them: `{"timeZone": "Europe/London", "open": "09:00",
/// "close": "17:30", "days": [2, 3, 4, 5, 6], "holidays": ["2026-12-25"]}` (days: Sunday = 1).
/// The same input for the settings API and the admin page's form.
struct BusinessHoursInput: Decodable, Sendable {
    var timeZone: String
    var open: String
    var close: String
    var days: [Int]?
    var holidays: [String]?

    /// Checked hours; a `DeskError` naming the field otherwise.
    func businessHours() throws -> BusinessHours {
        guard TimeZone(identifier: timeZone) != nil else {
            throw DeskError.invalid("invalid_time_zone", field: "timeZone", "unknown time zone '\(timeZone)'")
        }
        func minutes(_ text: String, _ field: String) throws -> Int {
            let parts = text.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, (0...24).contains(parts[0]), (0..<60).contains(parts[1]),
                parts[0] * 60 + parts[1] <= 1_440
            else {
                throw DeskError.invalid("invalid_hours", field: field, "times look like 09:00 or 17:30, not '\(text)'")
            }
            return parts[0] * 60 + parts[1]
        }
        let (start, end) = (try minutes(open, "open"), try minutes(close, "close"))
        guard start < end else { throw DeskError.invalid("invalid_hours", field: "close", "open must be before close") }
        let days = try (days ?? Weekday.workdays.map(\.rawValue)).map { day in
            guard let weekday = Weekday(rawValue: day) else {
                throw DeskError.invalid("invalid_day", field: "days", "days are 1 (Sunday) to 7 (Saturday)")
            }
            return weekday
        }
        guard !days.isEmpty else {
            throw DeskError.invalid("invalid_day", field: "days", "choose at least one working day")
        }
        let holidays = try (holidays ?? []).map { text -> LocalDate in
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else {
                throw DeskError.invalid(
                    "invalid_holiday", field: "holidays", "holidays look like 2026-12-25, not '\(text)'")
            }
            return LocalDate(parts[0], parts[1], parts[2])
        }
        return BusinessHours(
            timeZoneIdentifier: timeZone, days: days, window: DailyWindow(startMinute: start, endMinute: end),
            holidays: Set(holidays))
    }
}
