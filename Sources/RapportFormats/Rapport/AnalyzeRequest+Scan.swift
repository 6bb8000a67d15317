import RapportAnalysis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension AnalyzeRequest {
    /// `decode`, with the text lent to `body` as UTF-8 bytes (valid only during the call) instead
    /// of made into a String: the request's `AnalysisInput.text` may then be empty, and the bytes
    /// are the text (pass both to `Analyzer.analyze(_:utf8:)`). For the other cases the bytes are
    /// empty.
    ///
    /// A line of the usual shape (one object of strings, integers, booleans and nulls, keys
    /// without escapes, valid UTF-8) is read in one pass over its bytes, with no token tape, no
    /// `JSONValue` and no String for the text: an unescaped text is lent where it lies in the line,
    /// an escaped one is decoded into scratch memory. Anything else (nested values, fractions and
    /// exponents, escaped keys, invalid UTF-8, bad JSON) is read by the token-tape parser, as
    /// before, so every line reads exactly as it did.
    ///
    /// Not generic (the caller keeps what it needs from `body`): called across modules, a generic
    /// version ran unspecialised and looked up its result types' metadata on every line.
    public static func withDecoded(
        _ line: ArraySlice<UInt8>, _ body: (AnalyzeRequest, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let scanned = line.withUnsafeBufferPointer { bytes -> Bool in
            // The members' values live on the stack (a `Scalar` holds no reference).
            withUnsafeTemporaryAllocation(of: RequestScanner.Scalar.self, capacity: Member.count) { values -> Bool in
                values.initialize(repeating: .absent)
                var scanner = RequestScanner(bytes, values)
                guard scanner.scanObject() else { return false }
                scanner.withRequest(body)
                return true
            }
        }
        if scanned { return }
        let request = parse(line)
        guard case .request(_, let input) = request else {
            body(request, UnsafeBufferPointer(start: nil, count: 0))
            return
        }
        var text = input.text
        text.withUTF8 { body(request, $0) }
    }
}

/// The one-pass reader behind `AnalyzeRequest.withDecoded`: `scanObject` validates a line as the
/// token-tape parser does and records the members `analyze` reads, or gives up (false) on
/// anything it does not handle itself, leaving that line to the parser.
private struct RequestScanner {
    /// A member's value, as far as the reading of the fields needs it.
    enum Scalar {
        case absent, null
        case bool(Bool)
        case int(Int64)
        /// The string's bytes between its quotes (`start..<end` in the line), `escaped` when they hold `\`.
        case string(start: Int, end: Int, escaped: Bool)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The value of each of `AnalyzeRequest.Member`, by `rawValue` (`absent` until seen; a repeated
    /// key's last value wins).
    private let values: UnsafeMutableBufferPointer<Scalar>
    private var pos = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ values: UnsafeMutableBufferPointer<Scalar>) {
        self.bytes = bytes
        self.values = values
    }

    // MARK: - Validation

    /// Reads the whole line: true when it is one object this scanner handles (valid JSON, as
    /// the parser would accept it), false when the parser must read it.
    mutating func scanObject() -> Bool {
        guard bytes.count > 0 else { return false }
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == 0x7B else { return false }  // {
        pos += 1
        skipWhitespace()
        guard pos < bytes.count else { return false }
        if bytes[pos] == 0x7D {  // {}
            pos += 1
        } else {
            while true {
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == 0x22, let member = scanKey() else { return false }
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == 0x3A else { return false }  // :
                pos += 1
                skipWhitespace()
                guard let value = scanValue() else { return false }
                if member >= 0 { values[member] = value }
                skipWhitespace()
                guard pos < bytes.count else { return false }
                if bytes[pos] == 0x2C {  // ,
                    pos += 1
                    continue
                }
                guard bytes[pos] == 0x7D else { return false }
                pos += 1
                break
            }
        }
        skipWhitespace()
        return pos == bytes.count
    }

    /// A key of plain ASCII (no escape, no control character): the index of the member it names,
    /// or -1 for another key; nil for any other key.
    private mutating func scanKey() -> Int? {
        let start = pos + 1
        let count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var j = start
        // Eight bytes at a time up to the first byte that is no plain ASCII (the closing quote, if
        // all is well), then byte by byte.
        while j + 8 <= count {
            let special = Self.specialBytes(base.loadUnaligned(fromByteOffset: j, as: UInt64.self))
            if special == 0 {
                j += 8
                continue
            }
            j += special.trailingZeroBitCount >> 3
            break
        }
        while j < count {
            let c = bytes[j]
            if c == 0x22 { break }
            if c == 0x5C || c < 0x20 || c >= 0x80 { return nil }
            j += 1
        }
        guard j < count else { return nil }
        pos = j + 1
        return AnalyzeRequest.Member(named: UnsafeBufferPointer(rebasing: bytes[start..<j]))?.rawValue ?? -1
    }

    /// A scalar value (its first byte at `pos`); nil for an array, an object, a number with a
    /// fraction or exponent or beyond 64 bits, or anything invalid.
    private mutating func scanValue() -> Scalar? {
        guard pos < bytes.count else { return nil }
        switch bytes[pos] {
        case 0x22: return scanString()
        case 0x74: return literal("true") ? .bool(true) : nil
        case 0x66: return literal("false") ? .bool(false) : nil
        case 0x6E: return literal("null") ? .null : nil
        case 0x2D, 0x30...0x39: return scanInteger()
        default: return nil
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count, memcmp(word.utf8Start, bytes.baseAddress! + pos, n) == 0 else { return false }
        pos += n
        return true
    }

    /// An integer as the parser reads one (no leading zeros, at least one digit, within Int64).
    private mutating func scanInteger() -> Scalar? {
        var negative = false
        if bytes[pos] == 0x2D {
            negative = true
            pos += 1
        }
        guard pos < bytes.count, bytes[pos] &- 0x30 < 10 else { return nil }
        // Accumulated as a negative value, as the parser does, so Int64.min fits.
        var value: Int64 = 0
        if bytes[pos] == 0x30 {
            pos += 1
        } else {
            while pos < bytes.count, bytes[pos] &- 0x30 < 10 {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.subtractingReportingOverflow(Int64(bytes[pos] &- 0x30))
                if o1 || o2 { return nil }
                value = next
                pos += 1
            }
        }
        // A fraction, an exponent or a digit after a leading zero: the parser's business.
        if pos < bytes.count {
            let c = bytes[pos]
            if c == 0x2E || c == 0x65 || c == 0x45 || c &- 0x30 < 10 { return nil }
        }
        if !negative && value == .min { return nil }
        return .int(negative ? value : -value)
    }

    /// A string whose every escape and UTF-8 sequence is valid (as the parser checks them);
    /// nil for a control character, an invalid escape, a lone surrogate or invalid UTF-8.
    private mutating func scanString() -> Scalar? {
        pos += 1
        let start = pos
        let count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var escaped = false
        while pos < count {
            while pos + 8 <= count, Self.isPlainASCII(base.loadUnaligned(fromByteOffset: pos, as: UInt64.self)) {
                pos += 8
            }
            guard pos < count else { break }
            let c = bytes[pos]
            if c == 0x22 {
                pos += 1
                return .string(start: start, end: pos - 1, escaped: escaped)
            }
            if c == 0x5C {
                escaped = true
                guard skipEscape() else { return nil }
            } else if c < 0x20 {
                return nil
            } else if c >= 0x80 {
                let length = UTF8Validation.sequenceLength(bytes, at: pos)
                guard length > 0 else { return nil }
                pos += length
            } else {
                pos += 1
            }
        }
        return nil
    }

    /// Past one valid escape at `pos` (a `\u` high surrogate must be followed by a low one).
    private mutating func skipEscape() -> Bool {
        pos += 1
        guard pos < bytes.count else { return false }
        switch bytes[pos] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:  // " \ / b f n r t
            pos += 1
            return true
        case 0x75:  // u
            pos += 1
            guard let high = JSONEscapes.hex4(bytes, at: pos) else { return false }
            pos += 4
            if (0xD800...0xDBFF).contains(high) {
                guard pos + 6 <= bytes.count, bytes[pos] == 0x5C, bytes[pos + 1] == 0x75,
                    let low = JSONEscapes.hex4(bytes, at: pos + 2), (0xDC00...0xDFFF).contains(low)
                else { return false }
                pos += 6
            } else if (0xDC00...0xDFFF).contains(high) {
                return false
            }
            return true
        default:
            return false
        }
    }

    /// True when none of the eight bytes is `"`, `\`, a control character or non-ASCII (as the parser's).
    @inline(__always) private static func isPlainASCII(_ v: UInt64) -> Bool { specialBytes(v) == 0 }

    /// The high bit of each byte that is `"`, `\`, a control character or non-ASCII, exact up to
    /// the first such byte (a borrow runs only from a flagged byte into the ones above it), so the
    /// lowest set bit marks the first.
    @inline(__always) private static func specialBytes(_ v: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = v ^ (ones &* 0x22)
        let backslash = v ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (v &- ones &* 0x20) & ~v
        return (hasQuote | hasBackslash | hasControl | v) & 0x8080_8080_8080_8080
    }

    @inline(__always) private mutating func skipWhitespace() {
        // Most gaps are empty: a byte above the space ends them at once.
        if pos < bytes.count && bytes[pos] > 0x20 { return }
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    // MARK: - The request

    /// The request the scanned members make (read as `AnalyzeRequest.decode` reads them), and the
    /// text's bytes: where they lie in the line, or decoded into scratch memory when escaped.
    func withRequest(_ body: (AnalyzeRequest, UnsafeBufferPointer<UInt8>) -> Void) {
        let id = self.id(value(.id))
        guard case .string(let start, let end, let escaped) = value(.text) else {
            body(.missingText(id), UnsafeBufferPointer(start: nil, count: 0))
            return
        }
        let input = AnalysisInput(
            text: "", language: string(value(.lang)), network: string(value(.network)),
            followers: int(value(.followers)),
            following: int(value(.following)), verified: bool(value(.verified)) ?? false,
            likes: int(value(.likes)) ?? 0,
            reposts: int(value(.reposts)) ?? 0, replies: int(value(.replies)) ?? 0, quotes: int(value(.quotes)) ?? 0,
            ageMinutes: double(value(.ageMinutes)), customerValue: double(value(.customerValue)))
        guard escaped else {
            body(.request(id, input), UnsafeBufferPointer(rebasing: bytes[start..<end]))
            return
        }
        // The decoded text is never longer than its escaped form.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(end - start, 1)) { scratch in
            let n = JSONEscapes.decode(bytes, from: start, to: end, into: scratch)
            body(.request(id, input), UnsafeBufferPointer(rebasing: scratch[0..<n]))
        }
    }

    private func value(_ member: AnalyzeRequest.Member) -> Scalar { values[member.rawValue] }

    // Each reading is `AnalyzeRequest`'s for the same `JSONValue` (integers and booleans only:
    // fractions never reach this scanner).

    private func string(_ value: Scalar) -> String? {
        guard case .string(let start, let end, let escaped) = value else { return nil }
        if escaped { return JSONEscapes.decode(bytes, from: start, to: end) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// `AnalyzeRequest.id`: a string, an integer (a boolean as 1/0), else none.
    private func id(_ value: Scalar) -> AnalyzeID {
        switch value {
        case .string: return .string(string(value)!)
        case .int(let i): return .int(Int(i))
        case .bool(let b): return .int(b ? 1 : 0)
        case .absent, .null: return .none
        }
    }

    /// `AnalyzeRequest.int`.
    private func int(_ value: Scalar) -> Int? {
        switch value {
        case .int(let i): return Int(i)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// `AnalyzeRequest.double`.
    private func double(_ value: Scalar) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// `AnalyzeRequest.bool`.
    private func bool(_ value: Scalar) -> Bool? {
        switch value {
        case .bool(let b): return b
        case .int(let i) where i == 0 || i == 1: return i == 1
        default: return nil
        }
    }
}
