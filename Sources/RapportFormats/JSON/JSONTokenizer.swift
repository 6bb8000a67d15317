/// Walks JSON bytes once, validating them and writing the token tape.
struct JSONTokenizer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var pos = 0
    private var depth = 0
    /// The tape, in manually managed memory: appending to an `Array` costs a uniqueness
    /// check per token, which showed up in profiles. The owner must call ``deallocate()``.
    private(set) var tokens: UnsafeMutablePointer<JSONToken>
    private(set) var count = 0
    private var capacity: Int
    /// False while the tape is the caller's scratch memory (see `init(bytes:maxDepth:scratch:)`).
    private var ownsTokens: Bool

    /// The tape's first capacity: about one token per 12 bytes in platform payloads; growth
    /// handles the rest.
    static func initialCapacity(_ byteCount: Int) -> Int { byteCount / 12 + 8 }

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        capacity = Self.initialCapacity(bytes.count)
        tokens = .allocate(capacity: capacity)
        ownsTokens = true
    }

    /// Starts the tape in `scratch` (not freed here; the tape moves to the heap if it outgrows it).
    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, scratch: UnsafeMutableBufferPointer<JSONToken>) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        capacity = max(scratch.count, 1)
        tokens = scratch.count > 0 ? scratch.baseAddress! : .allocate(capacity: 1)
        ownsTokens = scratch.count == 0
    }

    func deallocate() {
        if ownsTokens { tokens.deallocate() }
    }

    @inline(__always)
    private mutating func append(_ token: JSONToken) {
        if count == capacity { grow() }
        (tokens + count).initialize(to: token)
        count += 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<JSONToken>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: tokens, count: count)
        if ownsTokens { tokens.deallocate() }
        ownsTokens = true
        tokens = bigger
        capacity *= 2
    }

    mutating func parseDocument() throws(FormatError) {
        skipWhitespace()
        guard pos < bytes.count else { throw FormatError(.emptyDocument, "empty JSON document") }
        try parseValue()
        skipWhitespace()
        if pos < bytes.count {
            throw fail("unexpected \(describe(bytes[pos])) after the JSON value")
        }
    }

    // MARK: - Values

    private mutating func parseValue() throws(FormatError) {
        guard pos < bytes.count else { throw fail("unexpected end of input, expected a value") }
        switch bytes[pos] {
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "{"): try parseContainer(object: true)
        case UInt8(ascii: "["): try parseContainer(object: false)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            append(JSONToken(kind: .bool, hasEscapes: false, a: 0, b: 0, payload: 1))
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            append(JSONToken(kind: .bool, hasEscapes: false, a: 0, b: 0, payload: 0))
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            append(JSONToken(kind: .null, hasEscapes: false, a: 0, b: 0, payload: 0))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        default: throw fail("unexpected \(describe(bytes[pos])), expected a value")
        }
    }

    private mutating func parseContainer(object: Bool) throws(FormatError) {
        depth += 1
        if depth > maxDepth {
            throw FormatError(.tooDeep, "JSON nesting deeper than \(maxDepth) levels at byte \(pos)")
        }
        let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        let index = self.count
        append(JSONToken(kind: object ? .object : .array, hasEscapes: false, a: 0, b: 0, payload: 0))
        pos += 1
        var members: UInt32 = 0
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == close {
            pos += 1
        } else {
            while true {
                skipWhitespace()
                if object {
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
                        throw fail(
                            pos < bytes.count
                                ? "expected a string key, found \(describe(bytes[pos]))" : "unterminated object")
                    }
                    try parseString()
                    skipWhitespace()
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                        throw fail("expected `:` after object key")
                    }
                    pos += 1
                    skipWhitespace()
                }
                try parseValue()
                members += 1
                skipWhitespace()
                guard pos < bytes.count else { throw fail(object ? "unterminated object" : "unterminated array") }
                let c = bytes[pos]
                if c == UInt8(ascii: ",") {
                    pos += 1
                    continue
                }
                if c == close {
                    pos += 1
                    break
                }
                throw fail("expected `,` or `\(object ? "}" : "]")`, found \(describe(c))")
            }
        }
        tokens[index].a = UInt32(self.count)
        tokens[index].b = members
        depth -= 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(FormatError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        guard pos + count <= bytes.count else { throw fail("invalid literal") }
        for i in 0..<count where bytes[pos + i] != start[i] {
            throw fail("invalid literal, expected `\(literal)`")
        }
        pos += count
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(FormatError) {
        let start = pos
        var negative = false
        if bytes[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("a number needs digits") }
        // Accumulate as a negative value so Int64.min parses without overflow.
        var value: Int64 = 0
        var overflow = false
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, isDigit(bytes[pos]) { throw fail("numbers must not have leading zeros") }
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) {
                let digit = Int64(bytes[pos] &- UInt8(ascii: "0"))
                if !overflow {
                    let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                    let (next, o2) = times10.subtractingReportingOverflow(digit)
                    if o1 || o2 { overflow = true } else { value = next }
                }
                pos += 1
            }
        }
        var isInteger = true
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("a decimal point needs digits after it") }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            isInteger = false
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("an exponent needs digits") }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if isInteger && !overflow && (negative || value != .min) {
            append(
                JSONToken(
                    kind: .int, hasEscapes: false, a: UInt32(start), b: UInt32(pos), payload: negative ? value : -value)
            )
            return
        }
        // Fractions, exponents and integers beyond 64 bits become doubles; only
        // infinities (1e999) are refused.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw FormatError(.numberOutOfRange, "number `\(text.prefix(40))` at byte \(start) is out of range")
        }
        append(
            JSONToken(
                kind: .double, hasEscapes: false, a: UInt32(start), b: UInt32(pos),
                payload: Int64(bitPattern: double.bitPattern)))
    }

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    // MARK: - Strings

    /// Validates a string starting at the opening quote and records its byte range.
    private mutating func parseString() throws(FormatError) {
        pos += 1  // opening quote
        let start = pos
        let count = bytes.count
        var escapes = false
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while pos < count {
            // Skip eight plain ASCII bytes at a time: the bulk of every text field.
            while pos + 8 <= count, Self.isPlainASCII(base.loadUnaligned(fromByteOffset: pos, as: UInt64.self)) {
                pos += 8
            }
            guard pos < count else { break }
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                append(
                    JSONToken(kind: .string, hasEscapes: escapes, a: UInt32(start), b: UInt32(pos), payload: 0))
                pos += 1
                return
            }
            if c == UInt8(ascii: "\\") {
                escapes = true
                try validateEscape()
            } else if c < 0x20 {
                throw fail("control character \(describe(c)) inside a string must be escaped")
            } else if c >= 0x80 {
                let length = UTF8Validation.sequenceLength(bytes, at: pos)
                guard length > 0 else { throw FormatError(.invalidUTF8, "invalid UTF-8 byte sequence at byte \(pos)") }
                pos += length
            } else {
                pos += 1
            }
        }
        throw fail("unterminated string")
    }

    /// True when none of the eight bytes is `"`, `\`, a control character or non-ASCII.
    @inline(__always)
    private static func isPlainASCII(_ v: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = v ^ (ones &* 0x22)
        let backslash = v ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (v &- ones &* 0x20) & ~v
        return (hasQuote | hasBackslash | hasControl | v) & highs == 0
    }

    private mutating func validateEscape() throws(FormatError) {
        let escapeStart = pos
        pos += 1
        guard pos < bytes.count else { throw fail("unterminated string") }
        switch bytes[pos] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            pos += 1
        case UInt8(ascii: "u"):
            pos += 1
            guard let high = JSONEscapes.hex4(bytes, at: pos) else { throw fail("invalid \\u escape") }
            pos += 4
            if (0xD800...0xDBFF).contains(high) {
                guard pos + 6 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u"),
                    let low = JSONEscapes.hex4(bytes, at: pos + 2), (0xDC00...0xDFFF).contains(low)
                else {
                    throw FormatError(.invalidUTF8, "lone high surrogate \\u escape at byte \(escapeStart)")
                }
                pos += 6
            } else if (0xDC00...0xDFFF).contains(high) {
                throw FormatError(.invalidUTF8, "lone low surrogate \\u escape at byte \(escapeStart)")
            }
        default:
            throw fail("invalid escape `\\\(describe(bytes[pos]))` in string")
        }
    }

    // MARK: - Helpers

    @inline(__always)
    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    private func fail(_ message: String) -> FormatError {
        FormatError(.malformedJSON, "\(message) at byte \(pos)")
    }

    private func describe(_ c: UInt8) -> String {
        if c >= 0x21 && c < 0x7F { return "`\(Character(Unicode.Scalar(c)))`" }
        return "byte 0x" + String(c, radix: 16, uppercase: true)
    }
}
