/// One MIME entity: headers (unfolded, in order) and the raw body bytes.
struct MIMEPart {
    var headers: [(name: String, value: String)]
    var body: ArraySlice<UInt8>

    /// Splits raw bytes at the first empty line. Header lines starting with space or tab
    /// continue the previous header (RFC 5322 folding).
    init(_ bytes: ArraySlice<UInt8>) {
        var headers: [(name: String, value: String)] = []
        var i = bytes.startIndex
        var bodyStart = bytes.endIndex
        while i < bytes.endIndex {
            var end = i
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > i, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let next = min(end + 1, bytes.endIndex)
            if lineEnd == i {
                bodyStart = next
                break
            }
            let line = MIMEPart.headerText(bytes[i..<lineEnd])
            if bytes[i] == 0x20 || bytes[i] == 0x09, !headers.isEmpty {
                headers[headers.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingWhitespace
                let value = String(line[line.index(after: colon)...])
                headers.append((name.lowercased(), value))
            }
            i = next
        }
        self.headers = headers.map { ($0.name, $0.value.trimmingWhitespace) }
        self.body = bytes[bodyStart...]
    }

    /// The first header with this (lowercase) name.
    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// Header bytes: UTF-8 when valid (RFC 6532), else Latin-1.
    private static func headerText(_ bytes: ArraySlice<UInt8>) -> String {
        let array = Array(bytes)
        if UTF8Validation.firstInvalidOffset(array) == nil { return String(decoding: array, as: UTF8.self) }
        return Charset.latin1.decode(array)
    }

    /// The parsed `Content-Type`, defaulting to `text/plain; charset=us-ascii`.
    var contentType: ContentType {
        header("content-type").map(ContentType.init) ?? ContentType("text/plain")
    }

    var isAttachment: Bool {
        header("content-disposition")?.lowercased().hasPrefix("attachment") == true
    }

    /// The body with its `Content-Transfer-Encoding` undone.
    var decodedBody: [UInt8] {
        switch header("content-transfer-encoding")?.lowercased() {
        case "quoted-printable"?: TransferEncoding.quotedPrintable(body)
        case "base64"?: TransferEncoding.base64(body)
        default: Array(body)
        }
    }
}

/// A `Content-Type` header value: `type/subtype; name=value; …`.
struct ContentType {
    var mimeType: String
    var parameters: [String: String]

    init(_ value: String) {
        let parts = ContentType.splitParameters(value)
        mimeType = parts.first?.trimmingWhitespace.lowercased() ?? "text/plain"
        var parameters: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "=") else { continue }
            let name = part[..<eq].trimmingWhitespace.lowercased()
            var value = part[part.index(after: eq)...].trimmingWhitespace
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            parameters[name] = value
        }
        self.parameters = parameters
    }

    var isMultipart: Bool { mimeType.hasPrefix("multipart/") }

    /// Splits on `;` outside double quotes.
    private static func splitParameters(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for c in value {
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    fileprivate func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
