/// Normalises platform language codes to a BCP-47 primary tag, or nil.
enum LanguageTag {
    /// `en-GB` → `en`; X's pseudo-codes (`und`, `zxx`, `qme`, `qht`…) → nil.
    static func primary(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        // Fast path for the common case: already a two-letter lowercase tag.
        let utf8 = raw.utf8
        if utf8.count == 2, utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) { return raw }
        let primary = raw.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if primary == "und" || primary == "zxx" || primary == "mul" { return nil }
        if primary.count == 3 && primary.hasPrefix("q") { return nil }  // private-use range qaa–qtz
        return primary
    }
}
