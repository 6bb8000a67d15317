import RapportAnalysis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Reads one line (as `withDecoded`, with the text made a String).
    public static func decode(_ line: ArraySlice<UInt8>) -> AnalyzeRequest {
        var result = AnalyzeRequest.invalid
        withDecoded(line) { request, text in
            result = request
            guard case .request(let id, var input) = request else { return }
            input.text = String(decoding: text, as: UTF8.self)
            result = .request(id, input)
        }
        return result
    }

    /// Reads one line with the parser. Only the members `analyze` uses are materialised, straight from
    /// the parser's token tape: building the whole tree cost more per line than the analysis.
    static func parse(_ line: ArraySlice<UInt8>) -> AnalyzeRequest {
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
        // Where each member read is on the tape (its value's token index, -1 when absent); the last of
        // a repeated key wins, as in a dictionary. Plain integers: recording a member costs no
        // `JSONValue` and no String, and only the members read are materialised.
        var at = [Int](repeating: -1, count: Member.count)
        var i = root.index + 1
        for _ in 0..<Int(root.token.b) {
            let key = JSONNode(tokens: root.tokens, bytes: root.bytes, index: i)
            let value = JSONNode(tokens: root.tokens, bytes: root.bytes, index: i + 1)
            if let member = member(key) { at[member.rawValue] = value.index }
            i = value.next
        }
        /// The scalar value of `member`; nil when absent, and for an array or object, which
        /// every reading below treats as absent (so no tree is built for one).
        func scalar(_ member: Member) -> JSONValue? {
            let k = at[member.rawValue]
            guard k >= 0 else { return nil }
            let node = JSONNode(tokens: root.tokens, bytes: root.bytes, index: k)
            return node.isObject || node.isArray ? nil : JSONValue(node)
        }
        let id = scalar(.id).map(Self.id) ?? AnalyzeID.none
        guard at[Member.text.rawValue] >= 0,
            let text = JSONNode(tokens: root.tokens, bytes: root.bytes, index: at[Member.text.rawValue]).stringValue
        else { return .missingText(id) }
        let input = AnalysisInput(
            text: text, language: scalar(.lang)?.stringValue, network: scalar(.network)?.stringValue,
            followers: int(scalar(.followers)), following: int(scalar(.following)),
            verified: bool(scalar(.verified)) ?? false,
            likes: int(scalar(.likes)) ?? 0, reposts: int(scalar(.reposts)) ?? 0,
            replies: int(scalar(.replies)) ?? 0, quotes: int(scalar(.quotes)) ?? 0,
            ageMinutes: double(scalar(.ageMinutes)), customerValue: double(scalar(.customerValue)))
        return .request(id, input)
    }

    /// The member a key on the tape names, or nil. A key written with escapes (`"t\u0065xt"`), as rare
    /// as it is legal, is compared decoded.
    private static func member(_ key: JSONNode) -> Member? {
        if key.keyLength >= 0 { return Member(named: key.keyBytes) }
        var decoded = key.stringValue ?? ""
        return decoded.withUTF8 { Member(named: $0) }
    }

    /// The members `analyze` reads, named once; both readers (`decode` and `withDecoded`) record
    /// them by `rawValue`.
    enum Member: Int {
        case id, text, lang, network, followers, following, verified, likes, reposts, replies, quotes, ageMinutes
        case customerValue

        /// How many there are (one past the last `rawValue`).
        static var count: Int { customerValue.rawValue + 1 }

        var name: StaticString {
            switch self {
            case .id: "id"
            case .text: "text"
            case .lang: "lang"
            case .network: "network"
            case .followers: "followers"
            case .following: "following"
            case .verified: "verified"
            case .likes: "likes"
            case .reposts: "reposts"
            case .replies: "replies"
            case .quotes: "quotes"
            case .ageMinutes: "age_minutes"
            case .customerValue: "customer_value"
            }
        }

        /// The member whose name is exactly these bytes, or nil.
        init?(named key: UnsafeBufferPointer<UInt8>) {
            guard let bytes = key.baseAddress else { return nil }
            var k = 0
            while let member = Member(rawValue: k) {
                let name = member.name
                if name.utf8CodeUnitCount == key.count && Self.same(name.utf8Start, bytes, key.count) {
                    self = member
                    return
                }
                k += 1
            }
            return nil
        }

        /// Whether the `n` bytes at `a` and `b` are equal: names are 2…14 bytes, compared as two
        /// overlapping words (reading only the `n` bytes) rather than with a `memcmp` call.
        @inline(__always) private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int)
            -> Bool
        {
            let x = UnsafeRawPointer(a)
            let y = UnsafeRawPointer(b)
            if n >= 8 && n <= 16 {
                return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
                    && x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                        == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            }
            if n >= 4 && n < 8 {
                return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                    && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                        == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            }
            if n >= 2 && n < 4 {
                return x.loadUnaligned(as: UInt16.self) == y.loadUnaligned(as: UInt16.self)
                    && x.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self)
                        == y.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self)
            }
            return n == 0 || memcmp(a, b, n) == 0
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
