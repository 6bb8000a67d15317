import Foundation

/// Precomputed folds for U+0080 ..< U+2000 (Latin, Greek, Cyrillic, Hebrew,
/// Arabic, Indic…), built once, so that accented posts never pay for Unicode
/// decomposition on the hot path.
struct FoldTable: Sendable {
    static let tableLimit: UInt32 = 0x2000
    static let shared = FoldTable()

    /// For scalar `v`, `entries[v - 0x80]` packs `offset << 8 | length` into `pool`.
    private let entries: [UInt32]
    private let pool: [UInt8]

    private init() {
        var entries: [UInt32] = []
        var pool: [UInt8] = []
        entries.reserveCapacity(Int(Self.tableLimit) - 0x80)
        for value in UInt32(0x80)..<Self.tableLimit {
            let folded = Unicode.Scalar(value).map(Self.foldScalar) ?? [0x20]
            entries.append(UInt32(pool.count) << 8 | UInt32(folded.count))
            pool.append(contentsOf: folded)
        }
        self.entries = entries
        self.pool = pool
    }

    @inline(__always)
    func append(_ value: UInt32, to out: inout [UInt8]) {
        let entry = entries[Int(value) - 0x80]
        let offset = Int(entry >> 8)
        let length = Int(entry & 0xFF)
        if length == 1 {
            out.append(pool[offset])
        } else if length > 1 {
            out.append(contentsOf: pool[offset..<offset + length])
        }
    }

    /// Letters that do not decompose into a base letter plus a mark.
    private static let special: [UInt32: String] = [
        0x00DF: "ss", 0x1E9E: "ss", 0x00E6: "ae", 0x00C6: "ae", 0x0153: "oe", 0x0152: "oe",
        0x00F8: "o", 0x00D8: "o", 0x0111: "d", 0x0110: "d", 0x0142: "l", 0x0141: "l",
        0x0131: "i", 0x00FE: "th", 0x00DE: "th", 0x00F0: "d", 0x00D0: "d", 0x0127: "h", 0x0126: "h",
    ]

    /// The fold of one scalar: nothing for combining marks, a space for
    /// anything that is not a letter or a digit, else the lowercase base letters.
    static func foldScalar(_ scalar: Unicode.Scalar) -> [UInt8] {
        if let special = special[scalar.value] { return Array(special.utf8) }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return []
        case .decimalNumber, .letterNumber, .otherNumber:
            break
        default:
            if !properties.isAlphabetic { return [0x20] }
        }
        // Decomposition (Foundation, slow) only where accents live: Latin,
        // Greek, Cyrillic. Elsewhere lowercasing is all a letter needs.
        let value = scalar.value
        let decomposes = value < 0x0530 || (0x1E00..<0x2000).contains(value)
        guard decomposes else {
            return Array((properties.changesWhenLowercased ? properties.lowercaseMapping : String(scalar)).utf8)
        }
        var folded = ""
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch part.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                folded += part.properties.lowercaseMapping
            }
        }
        return Array(folded.utf8)
    }
}
