import Foundation
import RapportIngest
import RapportStore

/// A digest as plain text: what `rapport digest` prints and the email carries.
public enum DigestText {
    public static func subject(_ d: Digest) -> String {
        "[Rapport] \(d.period == .daily ? "Daily" : "Weekly") digest \(day(d.start))"
            + (d.period == .weekly ? " – \(day(d.end.addingTimeInterval(-1)))" : "")
    }

    public static func render(_ d: Digest) -> String {
        func percent(_ x: Double?) -> String { x.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a" }
        var lines = [
            subject(d), "Period: \(iso(d.start)) to \(iso(d.end)) (UTC)", "",
            "Volume: \(d.volume) mentions (\(change(d.volume, d.previousVolume)) vs the period before: \(d.previousVolume))",
            "Sentiment: " + list(d.sentiment),
            "Funnel: " + d.funnel.map { "\($0.name) \($0.count)" }.joined(separator: " → "),
            "Top topics: " + list(d.topTopics),
            "",
            "Alerts: \(d.alerts.count)",
        ]
        lines += d.alerts.prefix(20).map {
            "  #\($0.id) \(AlertText.kind($0.kind)) on \($0.series) at \(iso($0.detectedAt)): \($0.rate) [\($0.status)]"
        }
        let s = d.service
        lines += [
            "",
            "Service: \(s.conversations) conversations, \(s.responded) answered (response rate \(percent(s.responseRate)))",
            "First response median: \(duration(s.firstResponseMedianSeconds)); resolution median: "
                + duration(s.resolutionMedianSeconds) + "; SLA met: \(percent(s.slaCompliance))",
            "CSAT: "
                + (s.surveys.csatAnswers == 0
                    ? "no answers" : "\(percent(s.surveys.csatSatisfied)) satisfied (\(s.surveys.csatAnswers) answers)")
                + "; NPS: "
                + (s.surveys.nps.map { String(format: "%+.0f (\(s.surveys.npsAnswers) answers)", $0) } ?? "no answers"),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func list(_ counts: [Digest.Count]) -> String {
        counts.isEmpty ? "none" : counts.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    }

    static func change(_ now: Int, _ before: Int) -> String {
        guard before > 0 else { return now > 0 ? "new" : "no change" }
        return String(format: "%+.0f%%", (Double(now) / Double(before) - 1) * 100)
    }

    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "n/a" }
        if seconds < 90 { return "\(Int(seconds)) s" }
        if seconds < 5_400 { return "\(Int(seconds / 60)) min" }
        return String(format: "%.1f h", seconds / 3_600)
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    static func day(_ date: Date) -> String { String(iso(date).prefix(10)) }
}
