#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decoding of JSON string escapes, shared by validation and materialisation.
enum JSONEscapes {
    /// The value of four hex digits at `i`, or nil.
    @inline(__always)
    static func hex4(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = b[k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// Decodes an already validated string body (between the quotes) with escapes.
    ///
    /// The decoded text is never longer than its escaped form (`\n` is one byte, `\uXXXX` at
    /// most three, a surrogate pair's twelve bytes four), so it is written straight into the
    /// String's own storage: one allocation instead of an array and then a String.
    static func decode(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        String(unsafeUninitializedCapacity: max(end - start, 0)) { decode(b, from: start, to: end, into: $0) }
    }

    /// Decodes an already validated string body into `out` (at least `end - start` bytes, which is
    /// always enough); returns the bytes written. Every store is still checked against `out`'s size.
    static func decode(
        _ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var k = 0
        @inline(__always) func put(_ byte: UInt8) {
            if k < out.count { out[k] = byte }
            k += 1
        }
        var i = start
        while i < end {
            let c = b[i]
            guard c == UInt8(ascii: "\\") else {
                // The plain run up to the next escape (or the end) is copied whole: it fits, as the
                // output so far is no longer than the input so far.
                let rest = UnsafeRawPointer(b.baseAddress! + i)
                let j = memchr(rest, 0x5C, end - i).map { i + rest.distance(to: UnsafeRawPointer($0)) } ?? end
                let n = min(j - i, out.count - k)
                if n > 0 { (out.baseAddress! + k).update(from: b.baseAddress! + i, count: n) }
                k += j - i
                i = j
                continue
            }
            let e = b[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): put(0x08)
            case UInt8(ascii: "f"): put(0x0C)
            case UInt8(ascii: "n"): put(0x0A)
            case UInt8(ascii: "r"): put(0x0D)
            case UInt8(ascii: "t"): put(0x09)
            case UInt8(ascii: "u"):
                var v = hex4(b, at: i) ?? 0xFFFD
                i += 4
                if (0xD800...0xDBFF).contains(v), let low = hex4(b, at: i + 2) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                // As `UTF8Validation.append(scalar:to:)`.
                switch v {
                case 0..<0x80:
                    put(UInt8(v))
                case 0x80..<0x800:
                    put(UInt8(0xC0 | (v >> 6)))
                    put(UInt8(0x80 | (v & 0x3F)))
                case 0x800..<0x10000:
                    put(UInt8(0xE0 | (v >> 12)))
                    put(UInt8(0x80 | ((v >> 6) & 0x3F)))
                    put(UInt8(0x80 | (v & 0x3F)))
                default:
                    put(UInt8(0xF0 | (v >> 18)))
                    put(UInt8(0x80 | ((v >> 12) & 0x3F)))
                    put(UInt8(0x80 | ((v >> 6) & 0x3F)))
                    put(UInt8(0x80 | (v & 0x3F)))
                }
            default: put(e)  // \" \\ \/
            }
        }
        return min(k, out.count)
    }
}
