import Foundation

/// The `rapport analyze` contract as a pure function: one JSON line in, one JSON line out.
///
/// Input: `{"id": …, "text": …}` plus optional `"followers"`, `"following"`, `"verified"`,
/// `"lang"`, `"network"`, `"likes"`, `"reposts"`, `"replies"`, `"quotes"`, `"age_minutes"`,
/// `"customer_value"`. Output, keys in this order:
/// `{"id": …, "sentiment": {"label": …, "score": …}, "intents": [{"name": …, "confidence": …}],
/// "language": …, "topics": […], "influence": …, "level": …, "reasons": […]}`.
/// A line that is not a JSON object gives `{"line": N, "error": …}`; an object without a string
/// `text` gives `{"id": …, "error": …}` (or the `line` form when it has no id). `id` is echoed
/// as given (string or number).
public struct AnalyzeLineProcessor: Sendable {
    public let analyzer: Analyzer

    public init(analyzer: Analyzer = Analyzer()) {
        self.analyzer = analyzer
    }

    public func process(line: String, lineNumber: Int) -> (json: String, failed: Bool) {
        guard let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        else {
            return ("{\"line\":\(lineNumber),\"error\":\"invalid JSON: expected an object\"}", true)
        }
        let id = object["id"].flatMap(Self.encodeID)
        guard let text = object["text"] as? String else {
            let head = id.map { "\"id\":\($0)" } ?? "\"line\":\(lineNumber)"
            return ("{\(head),\"error\":\"missing or non-string \\\"text\\\"\"}", true)
        }
        let input = AnalysisInput(
            text: text, language: object["lang"] as? String, network: object["network"] as? String,
            followers: Self.int(object["followers"]), following: Self.int(object["following"]),
            verified: (object["verified"] as? Bool) ?? false, likes: Self.int(object["likes"]) ?? 0,
            reposts: Self.int(object["reposts"]) ?? 0, replies: Self.int(object["replies"]) ?? 0,
            quotes: Self.int(object["quotes"]) ?? 0, ageMinutes: Self.double(object["age_minutes"]),
            customerValue: Self.double(object["customer_value"]))
        return (Self.encode(id: id ?? "null", analyzer.analyze(input)), false)
    }

    /// The output line for an analysis, keys in contract order.
    public static func encode(id: String, _ a: PostAnalysis) -> String {
        var out = "{\"id\":\(id),\"sentiment\":{\"label\":\"\(a.sentiment.label.rawValue)\",\"score\":"
        out += number(a.sentiment.score) + "},\"intents\":["
        out += a.intents.map { "{\"name\":\"\($0.name.rawValue)\",\"confidence\":\(number($0.confidence))}" }
            .joined(separator: ",")
        out += "],\"language\":" + quote(a.language) + ",\"topics\":["
        out += a.topics.map(quote).joined(separator: ",")
        out += "],\"influence\":\(a.influence),\"level\":\"\(a.level.rawValue)\",\"reasons\":["
        out += a.reasons.map(quote).joined(separator: ",") + "]}"
        return out
    }

    static func encodeID(_ value: Any) -> String? {
        if let s = value as? String { return quote(s) }
        if let n = value as? NSNumber {
            if let i = value as? Int { return String(i) }
            return n.doubleValue.isFinite ? String(n.doubleValue) : nil
        }
        return nil
    }

    static func int(_ value: Any?) -> Int? {
        if let i = value as? Int { return i }
        if let d = value as? Double, d.isFinite { return Int(d) }
        return nil
    }

    static func double(_ value: Any?) -> Double? {
        if let d = value as? Double { return d }
        if let i = value as? Int { return Double(i) }
        return nil
    }

    /// Three decimals, shortest form ("-0.341", "1.0" → "1").
    static func number(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
