import RapportAnalysis
import RapportFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard input split into lines (without the `\n`), read 1 MB at a time with `read(2)`.
struct StandardInputLines {
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// A line longer than this is handed out cut (and so fails as JSON) rather than buffered without bound.
    let maxLineBytes = 8 << 20

    /// The next line, or nil at the end of input. Valid until the next call.
    mutating func next() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                defer { position = newline + 1 }
                return buffer[position..<newline]
            }
            if atEnd || buffer.count - position > maxLineBytes {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return buffer[position...]
            }
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            fill()
        }
    }

    private mutating func fill() {
        let chunk = 1 << 20
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var n = 0
        repeat {
            n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress! + old, chunk) }
        } while n < 0 && errno == EINTR
        buffer.removeLast(chunk - max(n, 0))
        if n <= 0 { atEnd = true }
    }
}

/// One `rapport analyze` input line decoded into the analyser's input, with the same reading of
/// each field as the `JSONSerialization` version had: numbers and booleans convert into each
/// other as `NSNumber` did (`true` is 1, 1.0 is an integer), a repeated key's last value wins,
/// and invalid UTF-8 reads as U+FFFD.
enum AnalyzeRequest {
    case request(AnalyzeID, AnalysisInput)
    case missingText(AnalyzeID)
    case invalid

    /// Empty or only whitespace: skipped without output.
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
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

    static func decode(_ line: ArraySlice<UInt8>) -> AnalyzeRequest {
        let parsed: JSONValue
        do {
            parsed = try line.withUnsafeBytes { raw in try JSONParser.parse(raw) }
        } catch let error as FormatError where error.code == .invalidUTF8 {
            // Read as text first, as the old reader did: invalid bytes become U+FFFD.
            guard let repaired = try? JSONParser.parse(String(decoding: line, as: UTF8.self)) else { return .invalid }
            parsed = repaired
        } catch {
            return .invalid
        }
        guard let members = parsed.objectMembers else { return .invalid }
        var fields = Fields()
        for member in members { fields.set(member) }
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

        mutating func set(_ m: JSONMember) {
            switch m.key {
            case "id": id = m.value
            case "text": text = m.value
            case "lang": lang = m.value
            case "network": network = m.value
            case "followers": followers = m.value
            case "following": following = m.value
            case "verified": verified = m.value
            case "likes": likes = m.value
            case "reposts": reposts = m.value
            case "replies": replies = m.value
            case "quotes": quotes = m.value
            case "age_minutes": ageMinutes = m.value
            case "customer_value": customerValue = m.value
            default: break
            }
        }
    }

    /// Strings are quoted, integral numbers (and booleans, as 1/0) print as integers, other
    /// finite numbers in Swift's shortest form; anything else is `null`.
    static func id(_ value: JSONValue) -> AnalyzeID {
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
