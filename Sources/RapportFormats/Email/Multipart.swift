/// Splits a multipart body into its parts on `--boundary` delimiter lines.
enum Multipart {
    /// The parts between the first `--boundary` line and the closing `--boundary--` (or
    /// the end of the body when the closing line is missing). Preamble and epilogue are dropped.
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var i = body.startIndex
        while i < body.endIndex {
            var end = i
            while end < body.endIndex, body[end] != 0x0A { end += 1 }
            let line = body[i..<end]
            if line.starts(with: delimiter) {
                let after = line.dropFirst(delimiter.count)
                let isClosing = after.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                let isDelimiter = isClosing || after.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if isDelimiter {
                    if let start = partStart { parts.append(trimLineBreak(body[start..<i])) }
                    if isClosing { return parts }
                    partStart = min(end + 1, body.endIndex)
                }
            }
            i = end + 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start..<body.endIndex]) }
        return parts
    }

    /// The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    private static func trimLineBreak(_ part: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var p = part
        if p.last == 0x0A { p = p.dropLast() }
        if p.last == 0x0D { p = p.dropLast() }
        return p
    }
}
