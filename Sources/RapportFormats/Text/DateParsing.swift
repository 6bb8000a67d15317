import Foundation

/// Fast, allocation-free date parsing for the timestamp shapes platforms send.
///
/// `ISO8601DateFormatter`/`DateFormatter` cost microseconds per call on Linux, which
/// alone would halve the X stream rate, so the two grammars in use are parsed by hand.
enum DateParsing {
    /// RFC 3339 / ISO 8601: `2026-11-20T08:15:02Z`, `…02.345Z`, `…02+01:00`, `…02+0000`,
    /// and a space instead of `T`. Returns nil when the text is not such a timestamp.
    static func iso8601(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { iso8601(bytes: $0) }
    }

    static func iso8601(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count >= 19 else {
            // A bare date (`2026-11-20`) is allowed: midnight UTC.
            guard b.count == 10, let y = digits(b, 0, 4), b[4] == 0x2D, let mo = digits(b, 5, 2), b[7] == 0x2D,
                let d = digits(b, 8, 2)
            else { return nil }
            return makeDate(year: y, month: mo, day: d, hour: 0, minute: 0, second: 0, fraction: 0, offset: 0)
        }
        guard let year = digits(b, 0, 4), b[4] == 0x2D, let month = digits(b, 5, 2), b[7] == 0x2D,
            let day = digits(b, 8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == 0x20,
            let hour = digits(b, 11, 2), b[13] == 0x3A, let minute = digits(b, 14, 2), b[16] == 0x3A,
            let second = digits(b, 17, 2)
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 0x2E || b[i] == 0x2C {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] &- 0x30 < 10 {
                fraction += Double(b[i] &- 0x30) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
        }
        var offset = 0
        if i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") {
                i += 1
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                guard let oh = digits(b, i + 1, 2) else { return nil }
                var om = 0
                if i + 3 < b.count, b[i + 3] == 0x3A {
                    guard let m = digits(b, i + 4, 2) else { return nil }
                    om = m
                    i += 6
                } else if let m = digits(b, i + 3, 2) {
                    om = m
                    i += 5
                } else {
                    i += 3
                }
                offset = (oh * 60 + om) * 60 * (c == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        return makeDate(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction,
            offset: offset)
    }

    /// RFC 5322 / RFC 822 dates as in email and RSS: `Fri, 20 Nov 2026 09:12:44 +0000`,
    /// optional weekday and seconds, two-digit years, named zones (`GMT`, `EST`…), and a
    /// trailing comment (`(UTC)`).
    static func rfc822(_ text: String) -> Date? {
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "," })
            .map(String.init)
        if let first = tokens.first, first.count >= 3, first.first?.isLetter == true,
            Int(tokens.count > 1 ? tokens[1] : "") != nil || first.hasSuffix(",")
        {
            tokens.removeFirst()  // weekday
        }
        guard tokens.count >= 4, let day = Int(tokens[0]), let month = monthNumber(tokens[1]),
            var year = Int(tokens[2])
        else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        let timeParts = tokens[3].split(separator: ":")
        guard timeParts.count >= 2, let hour = Int(timeParts[0]), let minute = Int(timeParts[1]) else { return nil }
        let second = timeParts.count > 2 ? Int(timeParts[2]) ?? 0 : 0
        var offset = 0
        if tokens.count > 4 {
            let zone = tokens[4]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let v = Int(zone.dropFirst()) {
                offset = ((v / 100) * 60 + v % 100) * 60 * (sign == "-" ? -1 : 1)
            } else if let named = namedZones[zone.uppercased()] {
                offset = named * 3600
            }
        }
        return makeDate(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: 0, offset: offset)
    }

    /// Tries ISO 8601 then RFC 822: feeds mix them (`dc:date` vs `pubDate`).
    static func any(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return iso8601(trimmed) ?? rfc822(trimmed)
    }

    /// Unix time that may be in seconds or milliseconds (Meta mixes both).
    static func unix(_ value: Double) -> Date {
        Date(timeIntervalSince1970: value > 100_000_000_000 ? value / 1000 : value)
    }

    private static let namedZones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
        "PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2,
    ]

    private static func monthNumber(_ name: String) -> Int? {
        switch name.prefix(3).lowercased() {
        case "jan": 1
        case "feb": 2
        case "mar": 3
        case "apr": 4
        case "may": 5
        case "jun": 6
        case "jul": 7
        case "aug": 8
        case "sep": 9
        case "oct": 10
        case "nov": 11
        case "dec": 12
        default: nil
        }
    }

    @inline(__always)
    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        guard at + count <= b.count else { return nil }
        var v = 0
        for i in at..<(at + count) {
            let d = b[i] &- 0x30
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    private static func makeDate(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: Double, offset: Int
    ) -> Date? {
        // Years and offsets are bounded before any arithmetic: a stranger's `Date: 1 Jan 99999999999999999` must
        // give no date, not an overflow trap (found by rapport-fuzz).
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0..<24).contains(hour),
            (0..<60).contains(minute), (0...60).contains(second), abs(offset) <= 2 * 86_400
        else {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
