/// The topics of a `PostAnalysis`, stored without heap memory when they are short.
///
/// The analyser's topics (at most five, a few words each) usually fit in 64 bytes: they are kept
/// there, joined by the unit separator (0x1F), with their count, so a post's analysis costs no
/// array and no String allocations, and freeing it costs nothing. `strings` makes the Strings
/// when someone reads them. Anything that does not fit, or contains the separator, or was
/// assigned from outside the analyser, is kept as a plain array: every list of Strings round-trips
/// exactly. A value type with no pointers, so it is `Sendable` like the arrays it replaces.
struct TopicList: Sendable {
    /// Bytes of the inline form; the topics joined by `separator`.
    static let capacity = 64
    static let separator: UInt8 = 0x1F

    private var inline: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// Bytes used in `inline`.
    private var length: UInt8 = 0
    /// Number of topics in `inline` (0 with `list` nil: no topics).
    private var count: UInt8 = 0
    /// The topics when they are not inline.
    private var list: [String]?

    init() {}

    init(_ strings: [String]) {
        if !strings.isEmpty { list = strings }
    }

    /// Builds the inline form from `count` pieces written by `write`, which is given each piece's
    /// index, where to write and how many bytes are left there, and returns the bytes written, or
    /// nil when the piece does not fit. Returns nil when the whole does not fit or a piece contains
    /// the separator; the caller then makes the array.
    static func inline(count: Int, _ write: (Int, UnsafeMutableRawPointer, Int) -> Int?) -> TopicList? {
        guard count > 0, count < 256 else { return count == 0 ? TopicList() : nil }
        var result = TopicList()
        let used: Int? = withUnsafeMutableBytes(of: &result.inline) { raw -> Int? in
            let base = raw.baseAddress!
            var n = 0
            for i in 0..<count {
                if i > 0 {
                    guard n < capacity else { return nil }
                    base.storeBytes(of: separator, toByteOffset: n, as: UInt8.self)
                    n += 1
                }
                guard let written = write(i, base + n, capacity - n), written <= capacity - n else { return nil }
                n += written
            }
            return n
        }
        guard let used else { return nil }
        // Exactly the separators written between the pieces, or a piece held one (bytes past
        // `used` are zero).
        guard result.separators(in: used) == count - 1 else { return nil }
        result.length = UInt8(used)
        result.count = UInt8(count)
        return result
    }

    /// How many bytes of `inline` are the separator, eight at a time, reading the words that hold
    /// the first `used` bytes (the rest are zero).
    private func separators(in used: Int) -> Int {
        withUnsafeBytes(of: inline) { raw in
            var total = 0
            for w in 0..<(used + 7) / 8 {
                let x = raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self) ^ 0x1F1F_1F1F_1F1F_1F1F
                // High bit of each byte of `y` is set exactly where that byte of `x` is non-zero.
                let y = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x
                // One bit per separator byte, summed by a multiply (no popcount instruction on
                // baseline x86-64).
                total += Int((((~y & 0x8080_8080_8080_8080) >> 7) &* 0x0101_0101_0101_0101) >> 56)
            }
            return total
        }
    }

    var isEmpty: Bool { list == nil && count == 0 }

    /// The topics when they are kept as an array, else nil (inline, or none).
    var array: [String]? { list }

    /// Calls `body` with the inline form's bytes (the topics joined by `separator`) and returns
    /// its result, without making Strings (`AnalyzeOutput` writes them straight into its buffer);
    /// nil when the topics are an array (read `array` then) or there are none.
    func withInlineBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard list == nil, count > 0 else { return nil }
        return withUnsafeBytes(of: inline) { raw in
            raw.withMemoryRebound(to: UInt8.self) { all in body(UnsafeBufferPointer(rebasing: all[0..<Int(length)])) }
        }
    }

    /// The topics, in order.
    var strings: [String] {
        if let list { return list }
        guard count > 0 else { return [] }
        return withUnsafeBytes(of: inline) { raw in
            var out: [String] = []
            out.reserveCapacity(Int(count))
            var start = 0
            for i in 0..<Int(length) where raw[i] == Self.separator {
                out.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<i]), as: UTF8.self))
                start = i + 1
            }
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<Int(length)]), as: UTF8.self))
            return out
        }
    }
}

extension TopicList: Hashable {
    /// Equal when the topics are: the inline form and an array of the same Strings are equal.
    static func == (a: TopicList, b: TopicList) -> Bool {
        if a.list == nil && b.list == nil {
            guard a.count == b.count, a.length == b.length else { return false }
            return withUnsafeBytes(of: a.inline) { x in
                withUnsafeBytes(of: b.inline) { y in x.prefix(Int(a.length)).elementsEqual(y.prefix(Int(a.length))) }
            }
        }
        return a.strings == b.strings
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(strings)
    }
}
