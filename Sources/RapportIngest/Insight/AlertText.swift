import Foundation
import RapportStore

/// An alert in words, for email and the desk: what fired, how far above its baseline, and who and what drove it.
public enum AlertText {
    /// `volume_spike` → `Volume spike`.
    public static func kind(_ kind: String) -> String {
        switch kind {
        case "volume_spike": "Volume spike"
        case "negative_surge": "Negative surge"
        case "amplification": "Amplification"
        default: kind.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// `rule “acme” (acme)` or `topic #outage`.
    public static func series(_ p: AlertPayload) -> String {
        if let rule = p.rule { return "rule “\(rule.name)”" + (rule.brand.isEmpty ? "" : " (\(rule.brand))") }
        if let topic = p.topic { return "topic \(topic)" }
        return "a series"
    }

    /// `240 posts/h vs 40/h expected (6.0×)`.
    public static func rate(_ e: AlertEvidenceSummary) -> String {
        let ratio = e.expectedRate > 0 ? String(format: " (%.1f×)", e.observedRate / e.expectedRate) : ""
        return String(format: "%.0f posts/h vs %.0f/h expected", e.observedRate, e.expectedRate) + ratio
    }

    /// `75% negative vs 30% usual`.
    public static func negative(_ e: AlertEvidenceSummary) -> String {
        String(format: "%.0f%% negative vs %.0f%% usual", e.negativeShare * 100, e.baselineNegativeShare * 100)
    }

    public static func subject(_ p: AlertPayload) -> String {
        "[Rapport alert] \(kind(p.kind)) on \(series(p)): \(rate(AlertEvidenceSummary(p)))"
    }

    /// The email body: figures, top posts and authors, rising terms, and where to act.
    public static func body(_ p: AlertPayload, deskURL: String?) -> String {
        let e = AlertEvidenceSummary(p)
        let iso = ISO8601DateFormatter()
        var lines = [
            "\(kind(p.kind)) on \(series(p))",
            "",
            "Started:  \(iso.string(from: p.startedAt))",
            "Detected: \(iso.string(from: p.detectedAt))",
            "Rate:     \(rate(e)) over the last \(Int(p.evidence.windowSeconds / 60)) min",
            "Negative: \(negative(e))",
            String(format: "p-value:  %.2g (threshold %.2g)", p.evidence.pValue, p.evidence.threshold),
        ]
        if !p.evidence.trendingTerms.isEmpty {
            lines.append("Rising terms: " + p.evidence.trendingTerms.joined(separator: ", "))
        }
        if !p.evidence.topAuthors.isEmpty {
            lines.append("")
            lines.append("Top authors:")
            lines += p.evidence.topAuthors.map {
                "  @\($0.handle) (\($0.network), \($0.followers) followers, \($0.posts) posts)"
            }
        }
        if !p.evidence.topPosts.isEmpty {
            lines.append("")
            lines.append("Top posts:")
            for post in p.evidence.topPosts {
                lines.append(
                    "  @\(post.author) on \(post.network): \(post.text.replacingOccurrences(of: "\n", with: " "))")
                if let url = post.url { lines.append("    \(url)") }
            }
        }
        lines.append("")
        lines.append(
            "Acknowledge, assign or resolve it in the desk: \(deskURL.map { $0 + "/inbox/alerts" } ?? "/inbox/alerts")")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The few evidence figures the texts use (rates and shares).
public struct AlertEvidenceSummary: Sendable {
    public var observedRate: Double
    public var expectedRate: Double
    public var negativeShare: Double
    public var baselineNegativeShare: Double

    public init(_ p: AlertPayload) {
        observedRate = p.evidence.observedRate
        expectedRate = p.evidence.expectedRate
        negativeShare = p.evidence.negativeShare
        baselineNegativeShare = p.evidence.baselineNegativeShare
    }
}
