import Foundation

/// A calendar day in a team's time zone (holidays are days, not instants).
public struct LocalDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Days of the week, numbered as `Calendar` numbers them (Sunday = 1).
public enum Weekday: Int, Hashable, Sendable, Codable, CaseIterable {
    case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday

    /// Monday to Friday.
    public static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
}

/// Opening hours within one day, in minutes after local midnight (`end` may be 1440).
public struct DailyWindow: Hashable, Sendable, Codable {
    public var startMinute: Int
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// `DailyWindow(9, 0, to: 17, 30)` is 09:00–17:30.
    public init(_ startHour: Int, _ startMinute: Int = 0, to endHour: Int, _ endMinute: Int = 0) {
        self.init(startMinute: startHour * 60 + startMinute, endMinute: endHour * 60 + endMinute)
    }
}
