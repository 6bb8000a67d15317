import Foundation
import Hummingbird
import RapportCore
import RapportInsight

/// What a dashboard shows: a period, and optionally one rule or brand and one network. Read from the query
/// string (`range=24h|7d|30d` or `from`/`to` in ISO 8601, `rule`, `brand`, `network`, `team`); a wrong value is a 400
/// naming the parameter.
struct DashboardQuery: Sendable, Hashable {
    /// `24h`, `7d`, `30d` or `custom`.
    var rangeName: String
    var range: TimeRange
    var ruleID: Int64?
    var brand: String?
    var network: Network?
    /// A desk team: restricts the experience figures (surveys and conversations handled by it).
    var teamID: Int64?

    static let presets: [(name: String, label: String, hours: Int)] = [
        ("24h", "Last 24 hours", 24), ("7d", "Last 7 days", 7 * 24), ("30d", "Last 30 days", 30 * 24),
    ]
    /// Custom ranges longer than this are refused: a year of hourly rollups is the most a page should read.
    static let longestRange: TimeInterval = 366 * 86_400

    /// Hours for up to three days, days up to three months, weeks beyond.
    var granularity: Granularity {
        let span = range.end.timeIntervalSince(range.start)
        return span <= 3 * 86_400 ? .hour : (span <= 92 * 86_400 ? .day : .week)
    }

    static func parse(_ query: Parameters, now: Date = Date()) throws -> DashboardQuery {
        func value(_ name: String) -> String? {
            query[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        func invalid(_ name: String, _ expected: String) -> APIError {
            APIError(.badRequest, "invalid_parameter", "\(name) must be \(expected)")
        }
        // Whole hours: rollups are hourly, so a range cut mid-hour would count a partial hour in full.
        let endOfThisHour = Granularity.hour.nextBucket(after: hourBucketStart(now))
        var result = DashboardQuery(
            rangeName: "24h", range: .lastHours(24, endingAt: now), ruleID: nil, brand: nil, network: nil,
            teamID: nil)
        if value("from") != nil || value("to") != nil {
            guard let raw = value("from"), let from = MentionFilterParser.parseDate(raw) else {
                throw invalid("from", "an ISO 8601 date-time (with to)")
            }
            var to = endOfThisHour
            if let raw = value("to") {
                guard let parsed = MentionFilterParser.parseDate(raw) else {
                    throw invalid("to", "an ISO 8601 date-time")
                }
                to = parsed
            }
            guard from < to else { throw invalid("from", "before to") }
            guard to.timeIntervalSince(from) <= longestRange else { throw invalid("to", "at most 366 days after from") }
            result.rangeName = "custom"
            result.range = TimeRange(
                start: hourBucketStart(from),
                end: Granularity.hour.nextBucket(after: hourBucketStart(to.addingTimeInterval(-0.001))))
        } else if let name = value("range") {
            guard let preset = presets.first(where: { $0.name == name }) else {
                throw invalid("range", "24h, 7d or 30d (or give from and to)")
            }
            result.rangeName = preset.name
            result.range = .lastHours(preset.hours, endingAt: now)
        }
        if let raw = value("rule") {
            guard let id = Int64(raw), id > 0 else { throw invalid("rule", "a rule id") }
            result.ruleID = id
        }
        if let raw = value("brand") {
            guard raw.count <= 200 else { throw invalid("brand", "at most 200 characters") }
            result.brand = raw
        }
        if let raw = value("network") {
            guard let network = Network(rawValue: raw) else {
                throw invalid("network", "one of \(Network.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.network = network
        }
        if let raw = value("team") {
            guard let id = Int64(raw), id > 0 else { throw invalid("team", "a team id") }
            result.teamID = id
        }
        return result
    }

    /// Query-string pairs for links that keep this selection (percent-encoded).
    var parameters: [(String, String)] {
        var pairs: [(String, String)] = []
        if rangeName == "custom" {
            pairs += [("from", Self.iso(range.start)), ("to", Self.iso(range.end))]
        } else {
            pairs.append(("range", rangeName))
        }
        if let ruleID { pairs.append(("rule", String(ruleID))) }
        if let brand { pairs.append(("brand", brand)) }
        if let network { pairs.append(("network", network.rawValue)) }
        if let teamID { pairs.append(("team", String(teamID))) }
        return pairs
    }

    static func iso(_ date: Date) -> String { CivilTime.iso8601(date) }

    /// `path?a=b&c=d` with every name and value percent-encoded.
    static func link(_ path: String, _ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return path }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let query = pairs.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return path + "?" + query
    }
}
