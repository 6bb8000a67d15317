import Foundation
import Hummingbird
import RapportAnalysis
import RapportCore
import RapportStore

/// Reads mention filters from query parameters, naming the parameter that is wrong.
enum MentionFilterParser {
    static func parse(_ query: Parameters) throws -> MentionFilter {
        var filter = MentionFilter()
        func value(_ name: String) -> String? {
            query[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        func invalid(_ name: String, _ expected: String) -> APIError {
            APIError(.badRequest, "invalid_parameter", "\(name) must be \(expected)")
        }
        if let v = value("rule") {
            guard let id = Int64(v) else { throw invalid("rule", "a rule id") }
            filter.ruleID = id
        }
        if let v = value("network") {
            guard let n = Network(rawValue: v) else {
                throw invalid("network", "one of \(Network.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.network = n
        }
        if let v = value("since") {
            guard let d = parseDate(v) else { throw invalid("since", "an ISO 8601 date-time") }
            filter.since = d
        }
        if let v = value("until") {
            guard let d = parseDate(v) else { throw invalid("until", "an ISO 8601 date-time") }
            filter.until = d
        }
        filter.author = value("author")
        if let v = value("q") {
            guard let q = FullTextQuery(v) else { throw invalid("q", "text with at least one word") }
            filter.text = q
        }
        if let v = value("sentiment") {
            guard let s = Sentiment.Label(rawValue: v) else {
                throw invalid("sentiment", "positive, neutral or negative")
            }
            filter.sentiment = s
        }
        if let v = value("intent") {
            guard let i = Intent.Name(rawValue: v) else {
                throw invalid("intent", "one of \(Intent.Name.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.intent = i
        }
        filter.language = value("lang") ?? value("language")
        if let v = value("level") {
            guard let l = Level(rawValue: v) else { throw invalid("level", "noise, relevant, attention or urgent") }
            filter.level = l
        }
        if let v = value("minLevel") {
            guard let l = Level(rawValue: v) else { throw invalid("minLevel", "noise, relevant, attention or urgent") }
            filter.minLevel = l
        }
        if let v = value("minInfluence") {
            guard let i = Int(v), (0...100).contains(i) else { throw invalid("minInfluence", "a whole number 0–100") }
            filter.minInfluence = i
        }
        if let v = value("origin") {
            guard let o = Origin(rawValue: v) else { throw invalid("origin", "owned or public") }
            filter.origin = o
        }
        return filter
    }

    static func parseDate(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return ISO8601DateFormatter().date(from: text) ?? withFraction.date(from: text)
    }
}
