import RapportAnalysis

/// One `rapport analyze` input line decoded into the analyser's input, with the same reading of
/// each field as the `JSONSerialization` version had: numbers and booleans convert into each
/// other as `NSNumber` did (`true` is 1, 1.0 is an integer), a repeated key's last value wins,
/// and invalid UTF-8 reads as U+FFFD.
public enum AnalyzeRequest {
    case request(AnalyzeID, AnalysisInput)
    case missingText(AnalyzeID)
    case invalid

    /// Empty or only whitespace: skipped without output.
    public static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        var ascii = true
        for b in line {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            case 0x80...: ascii = false
            default: return false
            }
        }
        return ascii || String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// Reads one line. Only the members `analyze` uses are materialised, straight from the parser's token tape:
    /// building the whole tree cost more per line than the analysis.
    public static func decode(_ line: ArraySlice<UInt8>) -> AnalyzeRequest {
        do {
            return try line.withUnsafeBytes { raw throws(FormatError) in
                try JSONParser.withDocument(raw) { root throws(FormatError) in decode(root) }
            }
        } catch let error as FormatError where error.code == .invalidUTF8 {
            // Read as text first, as the old reader did: invalid bytes become U+FFFD.
            var repaired = Array(String(decoding: line, as: UTF8.self).utf8)
            let result = repaired.withUnsafeMutableBytes { raw in
                Result { () throws(FormatError) in
                    try JSONParser.withDocument(UnsafeRawBufferPointer(raw)) { root throws(FormatError) in decode(root)
                    }
                }
            }
            return (try? result.get()) ?? .invalid
        } catch {
            return .invalid
        }
    }

    private static func decode(_ root: JSONNode) -> AnalyzeRequest {
        guard root.isObject else { return .invalid }
        var fields = Fields()
        var i = root.index + 1
        for _ in 0..<Int(root.token.b) {
            let value = JSONNode(tokens: root.tokens, bytes: root.bytes, index: i + 1)
            fields.set(key: JSONNode(tokens: root.tokens, bytes: root.bytes, index: i), value)
            i = value.next
        }
        let id = fields.id.map(Self.id) ?? AnalyzeID.none
        guard case .string(let text)? = fields.text else { return .missingText(id) }
        let input = AnalysisInput(
            text: text, language: fields.lang?.stringValue, network: fields.network?.stringValue,
            followers: int(fields.followers), following: int(fields.following),
            verified: bool(fields.verified) ?? false,
            likes: int(fields.likes) ?? 0, reposts: int(fields.reposts) ?? 0, replies: int(fields.replies) ?? 0,
            quotes: int(fields.quotes) ?? 0, ageMinutes: double(fields.ageMinutes),
            customerValue: double(fields.customerValue))
        return .request(id, input)
    }

    /// The members `analyze` reads; the last of a repeated key wins, as in a dictionary.
    private struct Fields {
        var id, text, lang, network, followers, following, verified: JSONValue?
        var likes, reposts, replies, quotes, ageMinutes, customerValue: JSONValue?

        mutating func set(key: JSONNode, _ node: JSONNode) {
            switch key.keyLength {
            case 2 where key.keyIs("id"): id = JSONValue(node)
            case 4 where key.keyIs("text"): text = JSONValue(node)
            case 4 where key.keyIs("lang"): lang = JSONValue(node)
            case 5 where key.keyIs("likes"): likes = JSONValue(node)
            case 6 where key.keyIs("quotes"): quotes = JSONValue(node)
            case 7 where key.keyIs("network"): network = JSONValue(node)
            case 7 where key.keyIs("reposts"): reposts = JSONValue(node)
            case 7 where key.keyIs("replies"): replies = JSONValue(node)
            case 8 where key.keyIs("verified"): verified = JSONValue(node)
            case 9 where key.keyIs("followers"): followers = JSONValue(node)
            case 9 where key.keyIs("following"): following = JSONValue(node)
            case 11 where key.keyIs("age_minutes"): ageMinutes = JSONValue(node)
            case 14 where key.keyIs("customer_value"): customerValue = JSONValue(node)
            case -1: if let name = key.stringValue { set(escaped: name, node) }
            default: break
            }
        }

        /// A key written with escapes (`"t\u0065xt"`), as rare as it is legal.
        private mutating func set(escaped name: String, _ node: JSONNode) {
            let value = JSONValue(node)
            switch name {
            case "id": id = value
            case "text": text = value
            case "lang": lang = value
            case "network": network = value
            case "followers": followers = value
            case "following": following = value
            case "verified": verified = value
            case "likes": likes = value
            case "reposts": reposts = value
            case "replies": replies = value
            case "quotes": quotes = value
            case "age_minutes": ageMinutes = value
            case "customer_value": customerValue = value
            default: break
            }
        }
    }

    /// Strings are quoted, integral numbers (and booleans, as 1/0) print as integers, other
    /// finite numbers in Swift's shortest form; anything else is `null`.
    public static func id(_ value: JSONValue) -> AnalyzeID {
        if case .string(let s) = value { return .string(s) }
        if let i = exactInt(value) { return .int(i) }
        if case .double(let d) = value, d.isFinite { return .double(d) }
        return .none
    }

    /// `NSNumber as? Int`: integers, integral doubles in range, booleans as 1/0.
    static func exactInt(_ value: JSONValue) -> Int? {
        switch value {
        case .int(let i): return Int(i)
        case .double(let d) where d == d.rounded() && d.magnitude < 9.2e18: return Int(d)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// An exact integer, else a finite number truncated (an out-of-range one is absent).
    static func int(_ value: JSONValue?) -> Int? {
        guard let value else { return nil }
        if let i = exactInt(value) { return i }
        if case .double(let d) = value, d.isFinite, d.magnitude < 9.2e18 { return Int(d) }
        return nil
    }

    static func double(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case .bool(let b)?: return b ? 1 : 0
        default: return nil
        }
    }

    /// `NSNumber as? Bool`: booleans, and the numbers 0 and 1.
    static func bool(_ value: JSONValue?) -> Bool? {
        switch value {
        case .bool(let b)?: return b
        case .int(let i)? where i == 0 || i == 1: return i == 1
        case .double(let d)? where d == 0 || d == 1: return d == 1
        default: return nil
        }
    }
}
