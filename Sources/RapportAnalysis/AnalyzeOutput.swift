/// The `rapport analyze` output lines written straight into a byte buffer, without Foundation
/// and without building a String per line: byte for byte what `AnalyzeLineProcessor.encode`
/// and its error lines produce (tests compare the two).
public struct AnalyzeOutput: Sendable {
    /// The lines written so far; the caller flushes and empties it (`removeAll(keepingCapacity:)`).
    public var bytes: [UInt8] = []

    /// Where each line is written before it is appended to `bytes` (see `write(estimate:_:)`).
    private var scratch = [UInt8](repeating: 0, count: 4096)

    public init(capacity: Int = 1 << 17) {
        bytes.reserveCapacity(capacity)
    }

    /// `{"id":…,"sentiment":{…},…}` and a newline, keys in contract order.
    public mutating func appendAnalysis(id: AnalyzeID, _ a: PostAnalysis) {
        write(estimate: Self.estimate(id, a)) { $0.analysis(id: id, a) }
    }

    /// The line for input that is not a JSON object.
    public mutating func appendInvalidJSON(lineNumber: Int) {
        write(estimate: 96) { w in
            w.put("{\"line\":" as StaticString)
            w.int(lineNumber)
            w.put(",\"error\":\"invalid JSON: expected an object\"}\n" as StaticString)
        }
    }

    /// The line for an object without a string `text`: its id when it has one, else the line number.
    public mutating func appendMissingText(id: AnalyzeID, lineNumber: Int) {
        write(estimate: 96 + Self.estimate(id)) { w in
            if case .none = id {
                w.put("{\"line\":" as StaticString)
                w.int(lineNumber)
            } else {
                w.put("{\"id\":" as StaticString)
                w.id(id)
            }
            w.put(",\"error\":\"missing or non-string \\\"text\\\"\"}\n" as StaticString)
        }
    }

    mutating func appendID(_ id: AnalyzeID) { write(estimate: Self.estimate(id)) { $0.id(id) } }
    mutating func appendInt(_ value: Int) { write(estimate: 24) { $0.int(value) } }
    mutating func appendNumber(_ x: Double) { write(estimate: 32) { $0.number(x) } }
    mutating func appendQuoted(_ s: String) { write(estimate: 6 * s.utf8.count + 2) { $0.quoted(s) } }

    /// Runs `body` on a `LineWriter` over `scratch` and appends what it wrote to `bytes`. The
    /// estimate only sizes the first try: a line that does not fit is written again in a buffer
    /// twice as big, so no estimate can cut or corrupt a line.
    private mutating func write(estimate: Int, _ body: (inout LineWriter) -> Void) {
        var size = max(estimate, 64)
        while true {
            if scratch.count < size { scratch = [UInt8](repeating: 0, count: size) }
            let written = scratch.withUnsafeMutableBufferPointer { buffer -> Int? in
                var w = LineWriter(buffer)
                body(&w)
                return w.overflowed ? nil : w.count
            }
            if let written {
                // From the buffer, not an `ArraySlice` of `scratch` (a retain and a release per line).
                scratch.withUnsafeBufferPointer {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<written]))
                }
                return
            }
            size = scratch.count * 2
        }
    }

    /// Room for a line: the fixed text and numbers, and every string as if each byte were escaped
    /// (`\u00XX`, six bytes).
    static func estimate(_ id: AnalyzeID, _ a: PostAnalysis) -> Int {
        var n = 700 + estimate(id) + 64 * a.intentList.count + 6 * a.language.utf8.count
        if let topics = a.topicList.array {
            for t in topics { n += 6 * t.utf8.count + 3 }
        } else {
            n += 6 * TopicList.capacity + 2
        }
        if let reasons = a.reasonList.list {
            for r in reasons { n += 6 * r.utf8.count + 3 }
        } else {
            n += 1024
        }
        return n
    }

    static func estimate(_ id: AnalyzeID) -> Int {
        if case .string(let s) = id { return 6 * s.utf8.count + 2 }
        return 48
    }
}

/// Writes one output line into a buffer lent by `AnalyzeOutput`, every store checked against its
/// end. Appending to the `[UInt8]` directly cost a uniqueness check (a runtime call) for every
/// byte and ~90 instructions for every run of bytes: over forty of each per line.
struct LineWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written.
    private(set) var count = 0
    /// Something did not fit: the line is incomplete and must be written again in a bigger buffer.
    private(set) var overflowed = false

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// `{"id":…,"sentiment":{…},…}` and a newline, keys in contract order.
    ///
    /// Topics and reasons are written straight from their compact forms (`TopicList`'s inline
    /// bytes, `ReasonList`'s codes), and the fixed words from `StaticString`s: making the arrays
    /// of Strings only to copy their bytes out cost more than the rest of the line.
    mutating func analysis(id: AnalyzeID, _ a: PostAnalysis) {
        put("{\"id\":" as StaticString)
        self.id(id)
        put(Self.sentimentHead(a.sentiment.label))
        number(a.sentiment.score)
        put("},\"intents\":[" as StaticString)
        let intents = a.intentList
        for i in 0..<intents.count {
            if i > 0 { byte(0x2C) }
            let intent = intents[i]
            put(Self.intentHead(intent.name))
            number(intent.confidence)
            byte(0x7D)
        }
        if let head = Self.languageHead(a.detectedLanguage) {
            put(head)
        } else {
            put("],\"language\":" as StaticString)
            quoted(a.language)
            put(",\"topics\":[" as StaticString)
        }
        topics(a.topicList)
        put("],\"influence\":" as StaticString)
        int(a.influence)
        put(Self.levelHead(a.level))
        reasons(a.reasonList)
        put("]}\n" as StaticString)
    }

    // The fixed text around the label, each intent's name and the level, one literal each: fewer,
    // longer copies.

    /// `,"sentiment":{"label":"…","score":`
    static func sentimentHead(_ label: Sentiment.Label) -> StaticString {
        switch label {
        case .positive: ",\"sentiment\":{\"label\":\"positive\",\"score\":"
        case .neutral: ",\"sentiment\":{\"label\":\"neutral\",\"score\":"
        case .negative: ",\"sentiment\":{\"label\":\"negative\",\"score\":"
        }
    }

    /// `],"language":"…","topics":[` for a detected language (`LanguageDetector.code`'s index), else nil.
    static func languageHead(_ detected: Int8) -> StaticString? {
        switch detected {
        case 0: "],\"language\":\"en\",\"topics\":["
        case 1: "],\"language\":\"es\",\"topics\":["
        case 2: "],\"language\":\"fr\",\"topics\":["
        case 3: "],\"language\":\"de\",\"topics\":["
        case 4: "],\"language\":\"pt\",\"topics\":["
        case 5: "],\"language\":\"it\",\"topics\":["
        case 6: "],\"language\":\"nl\",\"topics\":["
        case 7: "],\"language\":\"und\",\"topics\":["
        default: nil
        }
    }

    /// `{"name":"…","confidence":`
    static func intentHead(_ name: Intent.Name) -> StaticString {
        switch name {
        case .complaint: "{\"name\":\"complaint\",\"confidence\":"
        case .question: "{\"name\":\"question\",\"confidence\":"
        case .praise: "{\"name\":\"praise\",\"confidence\":"
        case .purchaseIntent: "{\"name\":\"purchase_intent\",\"confidence\":"
        case .churnThreat: "{\"name\":\"churn_threat\",\"confidence\":"
        case .noise: "{\"name\":\"noise\",\"confidence\":"
        }
    }

    /// `,"level":"…","reasons":[`
    static func levelHead(_ level: Level) -> StaticString {
        switch level {
        case .noise: ",\"level\":\"noise\",\"reasons\":["
        case .relevant: ",\"level\":\"relevant\",\"reasons\":["
        case .attention: ",\"level\":\"attention\",\"reasons\":["
        case .urgent: ",\"level\":\"urgent\",\"reasons\":["
        }
    }

    /// The topics, comma-separated, each quoted. The inline form is written in one pass over its
    /// bytes: each separator becomes `","` (a topic never holds one: `TopicList.inline` checks).
    private mutating func topics(_ topics: TopicList) {
        if let array = topics.array {
            list(array)
            return
        }
        topics.withInlineBytes { joined in
            byte(0x22)
            escaped(joined, separator: TopicList.separator)
            byte(0x22)
        }
    }

    /// The reasons as `ReasonList.strings` has them, written from the codes without making the
    /// Strings. Every phrase is plain ASCII with no character to escape, so each is written
    /// between quotes as is.
    private mutating func reasons(_ reasons: ReasonList) {
        if let list = reasons.list {
            self.list(list)
            return
        }
        let c = reasons.codes
        if c.noise {
            put("\"noise\"" as StaticString)
            return
        }
        // `comma` is true once a phrase is written: the next one is preceded by a comma.
        var comma = false
        // The sentiment comes first: no comma before it.
        if c.sentiment == 1 || c.sentiment == 2 {
            put(c.sentiment == 1 ? "\"positive\"" as StaticString : "\"negative\"")
            comma = true
        }
        var intents = c.intents
        while intents != 0 {
            if comma { byte(0x2C) }
            comma = true
            // The codes follow the declaration order of `Intent.Name`.
            put(Self.quotedReason(IntentList.name(Int(intents & 7) - 1)))
            intents >>= 3
        }
        if c.followers != 0 {
            if comma { byte(0x2C) }
            byte(0x22)
            comma = true
            followersReason(c.followers)
            byte(0x22)
        }
        if c.verified {
            if comma { byte(0x2C) }
            byte(0x22)
            comma = true
            put("verified author\"" as StaticString)
        }
        if c.highValue {
            if comma { byte(0x2C) }
            byte(0x22)
            comma = true
            put("high-value customer (" as StaticString)
            unquoted(PriorityRules.compact(c.customerValue))
            put(")\"" as StaticString)
        }
        if c.amplified {
            if comma { byte(0x2C) }
            byte(0x22)
            comma = true
            put("amplified fast (" as StaticString)
            int(c.perMinute)
            put(" shares/replies per minute)\"" as StaticString)
        }
        if c.influential {
            if comma { byte(0x2C) }
            byte(0x22)
            comma = true
            put("influence " as StaticString)
            int(c.influence)
            byte(0x22)
        }
    }

    /// `PriorityRules.followersReason(n)`, written from its number (no String: reading the shared
    /// one cost a lazy-global check and a retain and release per post).
    private mutating func followersReason(_ n: Int) {
        guard let (tenths, millions) = PriorityRules.followersTenths(n) else {
            unquoted(PriorityRules.followersReason(n))
            return
        }
        put("author has " as StaticString)
        int(tenths / 10)
        if tenths % 10 != 0 {
            byte(0x2E)
            int(tenths % 10)
        }
        put(millions ? "M followers" as StaticString : "k followers")
    }

    /// `PriorityRules.reason` as static text, quoted.
    static func quotedReason(_ name: Intent.Name) -> StaticString {
        switch name {
        case .complaint: "\"complaint\""
        case .question: "\"question\""
        case .praise: "\"praise\""
        case .purchaseIntent: "\"purchase intent\""
        case .churnThreat: "\"churn threat\""
        case .noise: "\"noise\""
        }
    }

    mutating func id(_ id: AnalyzeID) {
        switch id {
        case .none: put("null")
        case .string(let s): quoted(s)
        case .int(let i): int(i)
        case .double(let d): put(String(d))
        }
    }

    private mutating func list(_ strings: [String]) {
        for (k, s) in strings.enumerated() {
            if k > 0 { byte(0x2C) }
            quoted(s)
        }
    }

    @inline(__always) mutating func put(_ s: String) {
        var s = s
        s.withUTF8 { put($0) }
    }

    /// Fixed text: its length is known where it is written, so the copy's size dispatch folds away.
    @inline(__always) mutating func put(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        guard n <= buffer.count &- count, let to = buffer.baseAddress else {
            overflowed = true
            return
        }
        copyBytes(s.utf8Start, to: to + count, count: n)
        count &+= n
    }

    /// One byte; past the end of the buffer it is dropped and `overflowed` set.
    @inline(__always) mutating func byte(_ b: UInt8) {
        guard count < buffer.count else {
            overflowed = true
            return
        }
        buffer[count] = b
        count += 1
    }

    /// Bytes copied in whole, or none and `overflowed` set when they do not fit.
    @inline(__always) mutating func put(_ src: UnsafeBufferPointer<UInt8>) {
        guard src.count <= buffer.count - count else {
            overflowed = true
            return
        }
        guard let from = src.baseAddress, let to = buffer.baseAddress, src.count > 0 else { return }
        // A line is some twenty short pieces (the fixed text between the values, numbers, topics).
        copyBytes(from, to: to + count, count: src.count)
        count += src.count
    }

    /// A String known to need no escaping, without its quotes.
    private mutating func unquoted(_ s: String) {
        put(s)
    }

    /// `String(value)`'s digits. They are made least significant first in a register-sized scratch
    /// (dividing by the constant 10 is a multiply) and copied once: finding the leading power of
    /// ten first cost a real division per digit, twice.
    mutating func int(_ value: Int) {
        // Most numbers written are one or two digits (a score's integer part, a tenth, an influence).
        if value >= 0 && value < 100 {
            if value >= 10 { byte(UInt8(truncatingIfNeeded: value / 10) &+ 0x30) }
            byte(UInt8(truncatingIfNeeded: value % 10) &+ 0x30)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            let end = raw.count
            var i = end
            var v = value.magnitude
            repeat {
                i -= 1
                raw[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
            } while v > 0
            if value < 0 {
                i -= 1
                raw[i] = 0x2D
            }
            put(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + i, count: end - i))
        }
    }

    /// Three decimals in the shortest form, as `AnalyzeLineProcessor.number`: "-0.341", "1", "0.5".
    /// The rounded value k/1000 is the double nearest that decimal, whose shortest round-trip
    /// form is the decimal itself without trailing zeros.
    mutating func number(_ x: Double) {
        // `rounded()` is a library call on baseline x86-64; it is symmetric, so negative scores
        // round as their magnitude does.
        let scaled = x < 0 ? -(-x * 1000).roundedHalfAway : (x * 1000).roundedHalfAway
        guard scaled.magnitude < 1e15 else {
            put(AnalyzeLineProcessor.number(x))
            return
        }
        let k = Int(scaled)
        if k < 0 { byte(0x2D) }
        let m = k.magnitude
        int(Int(m / 1000))
        let fraction = m % 1000
        guard fraction != 0 else { return }
        // The three decimals without trailing zeros (constant divisors: multiplies).
        byte(0x2E)
        byte(UInt8(truncatingIfNeeded: fraction / 100) &+ 0x30)
        guard fraction % 100 != 0 else { return }
        byte(UInt8(truncatingIfNeeded: fraction / 10 % 10) &+ 0x30)
        guard fraction % 10 != 0 else { return }
        byte(UInt8(truncatingIfNeeded: fraction % 10) &+ 0x30)
    }

    /// A JSON string: `"`, `\` and control characters escaped as `AnalyzeLineProcessor.quote` does.
    mutating func quoted(_ s: String) {
        var s = s
        s.withUTF8 { quoted(bytes: $0) }
    }

    /// `quoted` for UTF-8 bytes.
    mutating func quoted(bytes utf8: UnsafeBufferPointer<UInt8>) {
        byte(0x22)
        escaped(utf8, separator: nil)
        byte(0x22)
    }

    /// The body of a JSON string (no quotes): `"`, `\` and control characters escaped, plain runs
    /// copied whole. `separator`, when given, is written as `","` instead (closing one string and
    /// opening the next).
    ///
    /// Plain bytes are skipped eight at a time (one load and a few word-wide operations find the
    /// first byte to escape, if any): most topics have none but their separators.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>, separator: UInt8?) {
        var runStart = 0
        var i = 0
        let n = utf8.count
        let base = UnsafeRawPointer(utf8.baseAddress)
        while i < n {
            if let base, i &+ 8 <= n {
                let special = Self.escapeBytes(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if special == 0 {
                    i &+= 8
                    continue
                }
                i &+= special.trailingZeroBitCount &>> 3
            }
            let b = utf8[i]
            i &+= 1
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            put(UnsafeBufferPointer(rebasing: utf8[runStart..<i &- 1]))
            runStart = i
            switch b {
            case separator: put("\",\"" as StaticString)
            case 0x22: put("\\\"" as StaticString)
            case 0x5C: put("\\\\" as StaticString)
            case 0x0A: put("\\n" as StaticString)
            case 0x0D: put("\\r" as StaticString)
            case 0x09: put("\\t" as StaticString)
            default:
                let hex: StaticString = "0123456789abcdef"
                put("\\u00" as StaticString)
                byte(hex.utf8Start[Int(b >> 4)])
                byte(hex.utf8Start[Int(b & 0xF)])
            }
        }
        put(UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    /// The high bit of each byte of `v` that `escaped` must escape: below 0x20, `"` or `\`.
    /// Exact per byte (no borrow crosses a byte: each is tested in its low seven bits, its own
    /// high bit aside), so the lowest set bit marks the first such byte.
    @inline(__always) static func escapeBytes(_ v: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = v & 0x7F7F_7F7F_7F7F_7F7F
        let ascii = ~v & high
        // Below 0x20: adding 0x60 to the low seven bits does not reach 0x80.
        let control = ~(low7 &+ 0x6060_6060_6060_6060) & high
        // Equal to c: the low seven bits of v ^ c are zero, so adding 0x7F does not reach 0x80.
        @inline(__always) func equal(_ c: UInt64) -> UInt64 {
            ~(((v ^ c) & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) & high
        }
        return (control | equal(0x2222_2222_2222_2222) | equal(0x5C5C_5C5C_5C5C_5C5C)) & ascii
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
