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
    let start = out.count
    var text = text
    // Most posts are ASCII: lowercase byte by byte and bail out to the
    // scalar path at the first non-ASCII byte.
    let asciiDone: Bool = text.withUTF8 { bytes in
      for byte in bytes {
        if byte >= 0x80 { return false }
        out.append(lowercaseASCII(byte))
      }
      return true
    }
    if asciiDone { return }
    out.removeSubrange(start...)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        out.append(lowercaseASCII(UInt8(truncatingIfNeeded: value)))
      } else if value < FoldTable.tableLimit {
        FoldTable.shared.append(value, to: &out)
      } else {
        appendWide(scalar, to: &out)
      }
    }
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
