import Foundation

/// RFC 2047 encoded words for header text (subject, display names) that is not plain ASCII.
public enum EncodedWord {
    /// Longest encoded word allowed by RFC 2047 §2.
    static let maxWordLength = 75

    /// `text` as it may appear in a header: unchanged when it is printable ASCII, otherwise as one or more
    /// `=?UTF-8?B?…?=` words separated by folding whitespace (CRLF SP). Words are cut between characters, never
    /// inside a UTF-8 sequence, as §5 requires.
    public static func encodeIfNeeded(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        let prefix = "=?UTF-8?B?"
        let suffix = "?="
        // Base64 of n bytes takes 4⌈n/3⌉ characters; keep whole 3-byte groups under the length limit.
        let maxBytes = (maxWordLength - prefix.count - suffix.count) / 4 * 3
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(prefix + Data(chunk).base64EncodedString() + suffix)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(prefix + Data(chunk).base64EncodedString() + suffix) }
        return words.joined(separator: "\r\n ")
    }

    /// Decodes `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words, joining adjacent ones (whitespace between encoded
    /// words is not part of the text). Used by the tests to read headers back.
    public static func decode(_ header: String) -> String {
        let unfolded = header.replacingOccurrences(of: "\r\n ", with: " ")
        let pattern = #"=\?([^?]+)\?([BbQq])\?([^?]*)\?=(\s+(?==\?))?"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return unfolded }
        var result = ""
        var cursor = unfolded.startIndex
        for match in regex.matches(in: unfolded, range: NSRange(unfolded.startIndex..., in: unfolded)) {
            guard let range = Range(match.range, in: unfolded),
                let kindRange = Range(match.range(at: 2), in: unfolded),
                let textRange = Range(match.range(at: 3), in: unfolded)
            else { continue }
            result += unfolded[cursor..<range.lowerBound]
            let payload = String(unfolded[textRange])
            if unfolded[kindRange].uppercased() == "B" {
                result += Data(base64Encoded: payload).map { String(decoding: $0, as: UTF8.self) } ?? payload
            } else {
                result += QuotedPrintable.decode(payload.replacingOccurrences(of: "_", with: " "))
            }
            cursor = range.upperBound
        }
        result += unfolded[cursor...]
        return result
    }
}
