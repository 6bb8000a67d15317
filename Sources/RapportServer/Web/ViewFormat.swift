import Foundation
import RapportInsight

/// Text for dates and SLA clocks on the desk's pages.
enum ViewFormat {
    static func iso(_ date: Date) -> String { CivilTime.iso8601(date) }

    /// "just now", "4 min ago", "3 h ago", "2 d ago", then the date.
    static func relative(_ date: Date, now: Date = Date()) -> String {
        let seconds = now.timeIntervalSince(date)
        if seconds < 60 { return "just now" }
        if seconds < 3_600 { return "\(Int(seconds / 60)) min ago" }
        if seconds < 86_400 { return "\(Int(seconds / 3_600)) h ago" }
        if seconds < 7 * 86_400 { return "\(Int(seconds / 86_400)) d ago" }
        return String(iso(date).prefix(10))
    }

    /// A duration as "12 min", "3 h 5 min", "2 d 4 h".
    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(abs(seconds))
        if s < 3_600 { return "\(max(1, s / 60)) min" }
        if s < 86_400 { return "\(s / 3_600) h \(s % 3_600 / 60) min" }
        return "\(s / 86_400) d \(s % 86_400 / 3_600) h"
    }

    /// The SLA cell: text and a class (`breached`, `risk`, or none). At risk within 30 minutes.
    static func sla(_ due: Date?, now: Date = Date()) -> (text: String, cssClass: String) {
        guard let due else { return ("", "") }
        let left = due.timeIntervalSince(now)
        if left < 0 { return ("breached \(duration(left)) ago", "breached") }
        return ("due in \(duration(left))", left < 600 ? "risk" : "")
    }
}
