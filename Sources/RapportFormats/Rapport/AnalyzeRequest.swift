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
            fields.set(key: JSONNode(tokens: root.tokens, bytes: root.bytes, index: i), value.index)
            i = value.next
        }
        /// The scalar value at tape index `k`; nil when absent, and for an array or object, which
        /// every reading below treats as absent (so no tree is built for one).
        func scalar(_ k: Int) -> JSONValue? {
            guard k >= 0 else { return nil }
            let node = JSONNode(tokens: root.tokens, bytes: root.bytes, index: k)
            return node.isObject || node.isArray ? nil : JSONValue(node)
        }
        let id = scalar(fields.id).map(Self.id) ?? AnalyzeID.none
        guard fields.text >= 0,
            let text = JSONNode(tokens: root.tokens, bytes: root.bytes, index: fields.text).stringValue
        else { return .missingText(id) }
        let input = AnalysisInput(
            text: text, language: scalar(fields.lang)?.stringValue, network: scalar(fields.network)?.stringValue,
            followers: int(scalar(fields.followers)), following: int(scalar(fields.following)),
            verified: bool(scalar(fields.verified)) ?? false,
            likes: int(scalar(fields.likes)) ?? 0, reposts: int(scalar(fields.reposts)) ?? 0,
            replies: int(scalar(fields.replies)) ?? 0, quotes: int(scalar(fields.quotes)) ?? 0,
            ageMinutes: double(scalar(fields.ageMinutes)), customerValue: double(scalar(fields.customerValue)))
        return .request(id, input)
    }

    /// Where the members `analyze` reads are on the tape (their values' token indices, -1 when absent);
    /// the last of a repeated key wins, as in a dictionary. Plain integers: recording a member costs
    /// no `JSONValue` and no String, and only the members read are materialised.
    private struct Fields {
        var id = -1, text = -1, lang = -1, network = -1, followers = -1, following = -1, verified = -1
        var likes = -1, reposts = -1, replies = -1, quotes = -1, ageMinutes = -1, customerValue = -1

        /// The members read, each once: name and where its position goes.
        // Key paths are immutable values; they are not yet marked Sendable.
        nonisolated(unsafe) static let members: [(name: StaticString, field: WritableKeyPath<Fields, Int>)] = [
            ("id", \.id), ("text", \.text), ("lang", \.lang), ("network", \.network), ("followers", \.followers),
            ("following", \.following), ("verified", \.verified), ("likes", \.likes), ("reposts", \.reposts),
            ("replies", \.replies), ("quotes", \.quotes), ("age_minutes", \.ageMinutes),
            ("customer_value", \.customerValue),
        ]

        mutating func set(key: JSONNode, _ value: Int) {
            let length = key.keyLength
            // A key written with escapes (`"t\u0065xt"`), as rare as it is legal, is compared decoded.
            let escaped = length < 0 ? key.stringValue : nil
            for member in Self.members {
                let matches =
                    length < 0
                    ? escaped == member.name.description
                    : length == member.name.utf8CodeUnitCount && key.keyIs(member.name)
                if matches {
                    self[keyPath: member.field] = value
                    return
                }
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
