import Foundation

/// Quoted-printable body encoding (RFC 2045 §6.7), so any UTF-8 text survives 7-bit relays with lines
/// of at most 76 characters.
public enum QuotedPrintable {
    /// Encodes `text`; line breaks in any convention become CRLF, which is what SMTP carries.
    public static func encode(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalized.split(separator: "\n", omittingEmptySubsequences: false)
            .map { encodeLine(Array($0.utf8)) }
            .joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let token: String
            switch byte {
            // Trailing space or tab would be stripped by some transports, so it is encoded at line end.
            case 0x20, 0x09: token = isLast ? hex(byte) : String(UnicodeScalar(byte))
            case 0x3D: token = hex(byte)  // "=" itself
            case 0x21...0x7E: token = String(UnicodeScalar(byte))
            default: token = hex(byte)
            }
            // 75 leaves room for the "=" of a soft line break within the 76-character limit.
            if current.count + token.count > 75 {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// Decodes quoted-printable text (used by the tests and by anyone checking a stored copy).
    public static func decode(_ encoded: String) -> String {
        var bytes: [UInt8] = []
        let lines = encoded.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        for (lineIndex, line) in lines.enumerated() {
            var chars = Array(line.utf8)
            var soft = false
            if chars.last == UInt8(ascii: "=") {
                soft = true
                chars.removeLast()
            }
            var i = 0
            while i < chars.count {
                if chars[i] == UInt8(ascii: "="), i + 2 < chars.count,
                    let value = UInt8(String(decoding: chars[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                    i += 3
                } else {
                    bytes.append(chars[i])
                    i += 1
                }
            }
            if !soft && lineIndex < lines.count - 1 { bytes.append(contentsOf: [0x0D, 0x0A]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
