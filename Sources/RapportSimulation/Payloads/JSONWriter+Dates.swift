import Foundation

/// A UTC calendar breakdown computed arithmetically: `DateFormatter` is far too slow for the hot path.
struct CivilTime {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var millisecond: Int
    /// 0 = Sunday … 6 = Saturday.
    var weekday: Int

    init(_ date: Date) {
        let totalMillis = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        var days = totalMillis >= 0 ? totalMillis / 86_400_000 : (totalMillis - 86_399_999) / 86_400_000
        let millisOfDay = totalMillis - days * 86_400_000
        hour = millisOfDay / 3_600_000
        minute = millisOfDay / 60_000 % 60
        second = millisOfDay / 1000 % 60
        millisecond = millisOfDay % 1000
        weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
        // Howard Hinnant's civil_from_days.
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}

extension JSONWriter {
    /// Appends `2026-11-20T08:15:02.000Z` (ISO 8601, UTC, milliseconds), unquoted.
    mutating func iso8601(_ date: Date, milliseconds: Bool = true) {
        let t = CivilTime(date)
        dateAndTime(t)
        if milliseconds {
            byte(".")
            uint(UInt64(t.millisecond), width: 3)
        }
        byte("Z")
    }

    /// Appends `2026-11-20T08:15:02+0000` (Graph API style), unquoted.
    mutating func graphTime(_ date: Date) {
        dateAndTime(CivilTime(date))
        lit("+0000")
    }

    /// Appends `Thu, 19 Nov 2026 17:00:00 +0000` (RFC 5322 / RSS pubDate).
    mutating func rfc5322(_ date: Date) {
        let t = CivilTime(date)
        raw(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][t.weekday])
        lit(", ")
        uint(UInt64(t.day), width: 2)
        byte(" ")
        raw(
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
                t.month - 1])
        byte(" ")
        uint(UInt64(t.year), width: 4)
        byte(" ")
        clock(t)
        lit(" +0000")
    }

    private mutating func dateAndTime(_ t: CivilTime) {
        uint(UInt64(t.year), width: 4)
        byte("-")
        uint(UInt64(t.month), width: 2)
        byte("-")
        uint(UInt64(t.day), width: 2)
        byte("T")
        clock(t)
    }

    private mutating func clock(_ t: CivilTime) {
        uint(UInt64(t.hour), width: 2)
        byte(":")
        uint(UInt64(t.minute), width: 2)
        byte(":")
        uint(UInt64(t.second), width: 2)
    }
}
