/// RFC 2047 encoded words in headers: `=?charset?Q?…?=` and `=?charset?B?…?=`.
enum EncodedWords {
    /// Decodes every encoded word; whitespace between two adjacent encoded words is
    /// dropped, as the RFC says. Unknown charsets decode as UTF-8 with replacement.
    static func decode(_ header: String) -> String {
        guard header.contains("=?") else { return header }
        var out = ""
        var rest = Substring(header)
        var pendingSpace = ""
        var lastWasEncoded = false
        while let start = rest.firstRange(of: "=?") {
            let before = rest[..<start.lowerBound]
            guard let (decoded, after) = word(rest[start.lowerBound...]) else {
                out += pendingSpace + before + "=?"
                pendingSpace = ""
                rest = rest[start.upperBound...]
                lastWasEncoded = false
                continue
            }
            if lastWasEncoded && before.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }) {
                // Adjacent encoded words join without the whitespace between them.
            } else {
                out += before
            }
            out += decoded
            rest = after
            lastWasEncoded = true
        }
        return out + rest
    }

    /// Decodes one `=?charset?enc?text?=` at the start of `s`.
    private static func word(_ s: Substring) -> (String, Substring)? {
        let body = s.dropFirst(2)
        let parts = body.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), parts[2].count < 1000 else { return nil }
        // Charset may carry an RFC 2231 language: `UTF-8*en`.
        let charsetName = String(parts[0].split(separator: "*").first ?? "")
        let encoding = parts[1].uppercased()
        let text = parts[2]
        let bytes: [UInt8]
        switch encoding {
        case "Q":
            let underscoresAsSpaces = text.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
            bytes = TransferEncoding.quotedPrintable(underscoresAsSpaces)
        case "B":
            bytes = TransferEncoding.base64(text.utf8)
        default:
            return nil
        }
        let charset = Charset(name: charsetName) ?? .utf8
        let consumed = 2 + parts[0].count + 1 + parts[1].count + 1 + text.count + 2
        return (charset.decode(bytes), s.dropFirst(consumed))
    }
}
