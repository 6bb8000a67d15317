/// The `rapport analyze` output lines written straight into a byte buffer, without Foundation
/// and without building a String per line: byte for byte what `AnalyzeLineProcessor.encode`
/// and its error lines produce (tests compare the two).
public struct AnalyzeOutput: Sendable {
    /// The lines written so far; the caller flushes and empties it (`removeAll(keepingCapacity:)`).
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 17) {
        bytes.reserveCapacity(capacity)
    }

    /// `{"id":…,"sentiment":{…},…}` and a newline, keys in contract order.
    public mutating func appendAnalysis(id: AnalyzeID, _ a: PostAnalysis) {
        append("{\"id\":")
        appendID(id)
        append(",\"sentiment\":{\"label\":\"")
        append(a.sentiment.label.rawValue)
        append("\",\"score\":")
        appendNumber(a.sentiment.score)
        append("},\"intents\":[")
        let intents = a.intentList
        for i in 0..<intents.count {
            if i > 0 { bytes.append(0x2C) }
            let intent = intents[i]
            append("{\"name\":\"")
            append(intent.name.rawValue)
            append("\",\"confidence\":")
            appendNumber(intent.confidence)
            bytes.append(0x7D)
        }
        append("],\"language\":")
        appendQuoted(a.language)
        append(",\"topics\":[")
        appendList(a.topics)
        append("],\"influence\":")
        appendInt(a.influence)
        append(",\"level\":\"")
        append(a.level.rawValue)
        append("\",\"reasons\":[")
        appendList(a.reasons)
        append("]}\n")
    }

    /// The line for input that is not a JSON object.
    public mutating func appendInvalidJSON(lineNumber: Int) {
        append("{\"line\":")
        appendInt(lineNumber)
        append(",\"error\":\"invalid JSON: expected an object\"}\n")
    }

    /// The line for an object without a string `text`: its id when it has one, else the line number.
    public mutating func appendMissingText(id: AnalyzeID, lineNumber: Int) {
        if case .none = id {
            append("{\"line\":")
            appendInt(lineNumber)
        } else {
            append("{\"id\":")
            appendID(id)
        }
        append(",\"error\":\"missing or non-string \\\"text\\\"\"}\n")
    }

    // MARK: - Values

    mutating func appendID(_ id: AnalyzeID) {
        switch id {
        case .none: append("null")
        case .string(let s): appendQuoted(s)
        case .int(let i): appendInt(i)
        case .double(let d): append(String(d))
        }
    }

    private mutating func appendList(_ strings: [String]) {
        for (k, s) in strings.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            appendQuoted(s)
        }
    }

    @inline(__always) mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func appendInt(_ value: Int) {
        if value < 0 {
            bytes.append(0x2D)
            if value == .min {
                append(String(value).dropFirst().description)
                return
            }
        }
        var v = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written backwards
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[23 - n] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
                n += 1
            } while v > 0
            bytes.append(contentsOf: d[(24 - n)...])
        }
    }

    /// Three decimals in the shortest form, as `AnalyzeLineProcessor.number`: "-0.341", "1", "0.5".
    /// The rounded value k/1000 is the double nearest that decimal, whose shortest round-trip
    /// form is the decimal itself without trailing zeros.
    mutating func appendNumber(_ x: Double) {
        let scaled = (x * 1000).rounded()
        guard scaled.magnitude < 1e15 else {
            append(AnalyzeLineProcessor.number(x))
            return
        }
        let k = Int(scaled)
        if k < 0 { bytes.append(0x2D) }
        let m = k.magnitude
        appendInt(Int(m / 1000))
        var fraction = Int(m % 1000)
        guard fraction != 0 else { return }
        bytes.append(0x2E)
        var divisor = 100
        while fraction != 0 {
            bytes.append(UInt8(fraction / divisor) &+ 0x30)
            fraction %= divisor
            divisor /= 10
        }
    }

    /// A JSON string: `"`, `\` and control characters escaped as `AnalyzeLineProcessor.quote` does.
    mutating func appendQuoted(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                switch b {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    append("\\u00")
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
    }
}

/// An `id` as `rapport analyze` echoes it: a string, a number, or absent (`null`).
public enum AnalyzeID: Sendable, Equatable {
    case none
    case string(String)
    case int(Int)
    /// A number that is not an integer (`String(d)` form, as JSONSerialization's echo had).
    case double(Double)
}
