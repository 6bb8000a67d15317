/// Strict UTF-8 checks shared by the JSON, XML and email parsers.
enum UTF8Validation {
    /// Length of the valid multi-byte sequence starting at `i`, or 0 if it is invalid
    /// (overlong forms, surrogates, code points above U+10FFFF, truncation).
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c0 = b[i]
        let n = b.count
        if c0 < 0x80 { return 1 }
        if c0 >= 0xC2 && c0 <= 0xDF {
            guard i + 1 < n, b[i + 1] & 0xC0 == 0x80 else { return 0 }
            return 2
        }
        if c0 >= 0xE0 && c0 <= 0xEF {
            guard i + 2 < n else { return 0 }
            let c1 = b[i + 1]
            let c2 = b[i + 2]
            guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80 else { return 0 }
            if c0 == 0xE0 && c1 < 0xA0 { return 0 }  // overlong
            if c0 == 0xED && c1 >= 0xA0 { return 0 }  // surrogates
            return 3
        }
        if c0 >= 0xF0 && c0 <= 0xF4 {
            guard i + 3 < n else { return 0 }
            let c1 = b[i + 1]
            guard c1 & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80, b[i + 3] & 0xC0 == 0x80 else { return 0 }
            if c0 == 0xF0 && c1 < 0x90 { return 0 }  // overlong
            if c0 == 0xF4 && c1 >= 0x90 { return 0 }  // above U+10FFFF
            return 4
        }
        return 0
    }

    /// Offset of the first invalid byte, or nil when the whole buffer is valid UTF-8.
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < b.count {
            if b[i] < 0x80 {
                i += 1
                continue
            }
            let length = sequenceLength(b, at: i)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
    }

    /// Appends the UTF-8 encoding of a scalar value (assumed valid, not a surrogate).
    @inline(__always)
    static func append(scalar v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
