import Foundation

/// Folds text for matching: lowercase, accents removed, and every character that
/// is neither a letter nor a digit (emoji, punctuation outside ASCII) turned
/// into a space.
///
/// Queries and posts go through the same function, so whatever it does to a
/// character it does on both sides: matching stays consistent even for scripts
/// the table knows nothing about. The output is UTF-8 where every non-ASCII
/// byte belongs to a letter or a digit, which keeps the tokenizer byte-only.
enum TextFolder {
    /// Appends the folded UTF-8 of `text` to `out`.
    static func fold(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { source in
            out.reserveCapacity(out.count + source.count)
            var index = 0
            while index < source.count {
                // ASCII runs are copied in bulk and lowercased in place.
                var runEnd = index
                while runEnd < source.count, source[runEnd] < 0x80 { runEnd += 1 }
                if runEnd > index {
                    let start = out.count
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<runEnd]))
                    out.withUnsafeMutableBufferPointer { folded in
                        for position in start..<folded.count { folded[position] = lowercaseASCII(folded[position]) }
                    }
                    index = runEnd
                    if index == source.count { break }
                }
                let (value, length) = decode(source, at: index)
                index += length
                if value < FoldTable.tableLimit {
                    FoldTable.shared.append(value, to: &out)
                } else if let scalar = Unicode.Scalar(value) {
                    appendWide(scalar, to: &out)
                } else {
                    out.append(0x20)
                }
            }
        }
    }

    /// Decodes the scalar whose (non-ASCII) lead byte is at `index`. `String`
    /// guarantees valid UTF-8, so no validation is needed.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        @inline(__always) func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }

    /// Folds `text` into a new byte array.
    static func fold(_ text: some StringProtocol) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        fold(String(text), into: &out)
        return out
    }

    /// Scalars above the table: the frequent blocks are answered without
    /// Unicode decomposition (which allocates).
    private static func appendWide(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar.value {
        case 0x3041...0x30FA, 0x3400...0x9FFF, 0xAC00...0xD7A3:
            // Kana, CJK ideographs, Hangul syllables: caseless letters.
            out.append(contentsOf: String(scalar).utf8)
        case 0x2000...0x2BFF, 0x3000...0x3040, 0xFE00...0xFE0F, 0x1F000...0x1FAFF:
            // Punctuation, symbols, arrows, emoji and their variation selectors.
            out.append(0x20)
        default:
            out.append(contentsOf: FoldTable.foldScalar(scalar))
        }
    }

    @inline(__always)
    static func lowercaseASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
