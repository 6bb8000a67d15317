/// The character sets email and feeds actually use, decoded without Foundation so the
/// result is the same on every platform.
enum Charset: Equatable {
    case utf8
    case latin1
    case windows1252
    case latin9

    /// Recognises a charset label (case-insensitive); nil for unsupported ones.
    init?(name: String) {
        switch name.lowercased().trimmingCharacters(in: " \"'") {
        case "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968": self = .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1": self = .latin1
        case "windows-1252", "cp1252", "x-cp1252": self = .windows1252
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9": self = .latin9
        default: return nil
        }
    }

    /// Decodes bytes; invalid UTF-8 sequences become U+FFFD.
    func decode(_ bytes: some Collection<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .latin1, .windows1252, .latin9:
            var scalars = String.UnicodeScalarView()
            for b in bytes {
                scalars.append(Unicode.Scalar(map(b)) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
    }

    private func map(_ b: UInt8) -> UInt32 {
        switch self {
        case .windows1252 where b >= 0x80 && b < 0xA0:
            return Self.cp1252High[Int(b - 0x80)]
        case .latin9:
            switch b {
            case 0xA4: return 0x20AC
            case 0xA6: return 0x160
            case 0xA8: return 0x161
            case 0xB4: return 0x17D
            case 0xB8: return 0x17E
            case 0xBC: return 0x152
            case 0xBD: return 0x153
            case 0xBE: return 0x178
            default: return UInt32(b)
            }
        default:
            return UInt32(b)
        }
    }

    /// Windows-1252 0x80–0x9F (undefined positions map to U+FFFD).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
