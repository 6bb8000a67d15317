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
    ///
    /// Topics and reasons are written straight from their compact forms (`TopicList`'s inline
    /// bytes, `ReasonList`'s codes), and the fixed words from `StaticString`s: making the arrays
    /// of Strings only to copy their bytes out cost more than the rest of the line.
    public mutating func appendAnalysis(id: AnalyzeID, _ a: PostAnalysis) {
        append("{\"id\":" as StaticString)
        appendID(id)
        append(",\"sentiment\":{\"label\":\"" as StaticString)
        append(Self.word(a.sentiment.label))
        append("\",\"score\":" as StaticString)
        appendNumber(a.sentiment.score)
        append("},\"intents\":[" as StaticString)
        let intents = a.intentList
        for i in 0..<intents.count {
            if i > 0 { bytes.append(0x2C) }
            let intent = intents[i]
            append("{\"name\":\"" as StaticString)
            append(Self.word(intent.name))
            append("\",\"confidence\":" as StaticString)
            appendNumber(intent.confidence)
            bytes.append(0x7D)
        }
        append("],\"language\":" as StaticString)
        appendQuoted(a.language)
        append(",\"topics\":[" as StaticString)
        appendTopics(a.topicList)
        append("],\"influence\":" as StaticString)
        appendInt(a.influence)
        append(",\"level\":\"" as StaticString)
        append(Self.word(a.level))
        append("\",\"reasons\":[" as StaticString)
        appendReasons(a.reasonList)
        append("]}\n" as StaticString)
    }

    /// The topics, comma-separated, each quoted.
    private mutating func appendTopics(_ topics: TopicList) {
        if let array = topics.array {
            appendList(array)
            return
        }
        var first = true
        topics.forEachInlineTopic { topic in
            if !first { bytes.append(0x2C) }
            first = false
            appendQuoted(bytes: topic)
        }
    }

    /// The reasons as `ReasonList.strings` has them, written from the codes without making the
    /// Strings. Every phrase is plain ASCII with no character to escape, so each is written
    /// between quotes as is.
    private mutating func appendReasons(_ reasons: ReasonList) {
        if let list = reasons.list {
            appendList(list)
            return
        }
        let c = reasons.codes
        if c.noise {
            append("\"noise\"" as StaticString)
            return
        }
        // `comma` is true once a phrase is written: the next one is preceded by a comma.
        var comma = false
        func open(_ out: inout AnalyzeOutput) {
            if comma { out.bytes.append(0x2C) }
            out.bytes.append(0x22)
            comma = true
        }
        if c.sentiment == 1 || c.sentiment == 2 {
            open(&self)
            append(c.sentiment == 1 ? "positive\"" as StaticString : "negative\"")
        }
        var intents = c.intents
        while intents != 0 {
            open(&self)
            // The codes follow the declaration order of `Intent.Name`.
            append(Self.reason(IntentList.name(Int(intents & 7) - 1)))
            bytes.append(0x22)
            intents >>= 3
        }
        if c.followers != 0 {
            open(&self)
            // A shared String for most counts (`PriorityRules.followersReason`): no allocation.
            appendUnquoted(PriorityRules.followersReason(c.followers))
            bytes.append(0x22)
        }
        if c.verified {
            open(&self)
            append("verified author\"" as StaticString)
        }
        if c.highValue {
            open(&self)
            append("high-value customer (" as StaticString)
            appendUnquoted(PriorityRules.compact(c.customerValue))
            append(")\"" as StaticString)
        }
        if c.amplified {
            open(&self)
            append("amplified fast (" as StaticString)
            appendInt(c.perMinute)
            append(" shares/replies per minute)\"" as StaticString)
        }
        if c.influential {
            open(&self)
            append("influence " as StaticString)
            appendInt(c.influence)
            bytes.append(0x22)
        }
    }

    /// The JSON spelling of a label, an intent or a level (their raw values) as static text.
    static func word(_ label: Sentiment.Label) -> StaticString {
        switch label {
        case .positive: "positive"
        case .neutral: "neutral"
        case .negative: "negative"
        }
    }

    static func word(_ name: Intent.Name) -> StaticString {
        switch name {
        case .complaint: "complaint"
        case .question: "question"
        case .praise: "praise"
        case .purchaseIntent: "purchase_intent"
        case .churnThreat: "churn_threat"
        case .noise: "noise"
        }
    }

    static func word(_ level: Level) -> StaticString {
        switch level {
        case .noise: "noise"
        case .relevant: "relevant"
        case .attention: "attention"
        case .urgent: "urgent"
        }
    }

    /// `PriorityRules.reason` as static text.
    static func reason(_ name: Intent.Name) -> StaticString {
        switch name {
        case .complaint: "complaint"
        case .question: "question"
        case .praise: "praise"
        case .purchaseIntent: "purchase intent"
        case .churnThreat: "churn threat"
        case .noise: "noise"
        }
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

    @inline(__always) mutating func append(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// A String known to need no escaping, without its quotes.
    private mutating func appendUnquoted(_ s: String) {
        append(s)
    }

    /// `String(value)`'s digits, written most significant first straight into the buffer.
    mutating func appendInt(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        let v = value.magnitude
        var divisor: UInt = 1
        while v / divisor >= 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: (v / divisor) % 10) &+ 0x30)
            divisor /= 10
        } while divisor > 0
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
        var s = s
        s.withUTF8 { appendQuoted(bytes: $0) }
    }

    /// `appendQuoted` for UTF-8 bytes (a topic kept inline in a `TopicList`).
    mutating func appendQuoted(bytes utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        for i in 0..<utf8.count {
            let b = utf8[i]
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            runStart = i + 1
            switch b {
            case 0x22: append("\\\"" as StaticString)
            case 0x5C: append("\\\\" as StaticString)
            case 0x0A: append("\\n" as StaticString)
            case 0x0D: append("\\r" as StaticString)
            case 0x09: append("\\t" as StaticString)
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00" as StaticString)
                bytes.append(hex.utf8Start[Int(b >> 4)])
                bytes.append(hex.utf8Start[Int(b & 0xF)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
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
