/// The tokenizer and tree builder behind ``SafeXMLParser`` (input already valid UTF-8).
struct XMLReader {
    private let input: [UInt8]
    private let maxDepth: Int
    private var pos = 0

    init(input: [UInt8], maxDepth: Int) {
        self.input = input
        self.maxDepth = maxDepth
    }

    mutating func document() throws(FormatError) -> SafeXMLElement {
        try skipMisc()
        guard pos < input.count else { throw FormatError(.emptyDocument, "empty XML document") }
        guard input[pos] == UInt8(ascii: "<") else { throw fail("text before the root element") }
        let root = try element(depth: 1)
        try skipMisc()
        if pos < input.count { throw fail("content after the root element") }
        return root
    }

    /// Skips whitespace, comments, processing instructions; refuses DOCTYPE.
    private mutating func skipMisc() throws(FormatError) {
        while pos < input.count {
            let c = input[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                pos += 1
            } else if starts("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if starts("<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts("<!") {
                try refuseDeclaration()
            } else {
                return
            }
        }
    }

    private func refuseDeclaration() throws(FormatError) {
        if starts("<!ENTITY") || containsEntityDeclaration() {
            throw FormatError(
                .xmlEntityDeclaration,
                "XML entity declarations are refused (entity expansion and external entities are unsafe), at byte \(pos)"
            )
        }
        if starts("<!DOCTYPE") {
            throw FormatError(.xmlDoctype, "XML DOCTYPE declarations are refused, at byte \(pos)")
        }
        throw fail("unexpected markup declaration")
    }

    private func containsEntityDeclaration() -> Bool {
        let pattern = Array("<!ENTITY".utf8)
        var i = pos
        while i + pattern.count <= input.count {
            if input[i] == UInt8(ascii: "<"), Array(input[i..<(i + pattern.count)]) == pattern { return true }
            i += 1
        }
        return false
    }

    private mutating func element(depth: Int) throws(FormatError) -> SafeXMLElement {
        guard depth <= maxDepth else {
            throw FormatError(.tooDeep, "XML nesting deeper than \(maxDepth) levels at byte \(pos)")
        }
        pos += 1  // <
        let name = try readName()
        var element = SafeXMLElement(name: name)
        // Attributes.
        while true {
            skipSpaces()
            guard pos < input.count else { throw fail("unterminated start tag <\(name)>") }
            if input[pos] == UInt8(ascii: "/") {
                guard pos + 1 < input.count, input[pos + 1] == UInt8(ascii: ">") else { throw fail("expected `/>`") }
                pos += 2
                return element
            }
            if input[pos] == UInt8(ascii: ">") {
                pos += 1
                break
            }
            let attributeName = try readName()
            skipSpaces()
            guard pos < input.count, input[pos] == UInt8(ascii: "=") else {
                throw fail("attribute `\(attributeName)` needs a value")
            }
            pos += 1
            skipSpaces()
            guard pos < input.count, input[pos] == 0x22 || input[pos] == 0x27 else {
                throw fail("attribute value must be quoted")
            }
            let quote = input[pos]
            pos += 1
            let start = pos
            while pos < input.count, input[pos] != quote {
                if input[pos] == UInt8(ascii: "<") { throw fail("`<` inside an attribute value") }
                pos += 1
            }
            guard pos < input.count else { throw fail("unterminated attribute value") }
            let value = try decodeText(start, pos)
            pos += 1
            element.attributes.append(SafeXMLAttribute(name: attributeName, value: value))
        }
        // Content.
        var textStart = pos
        while true {
            guard pos < input.count else { throw fail("element <\(name)> is not closed") }
            guard input[pos] == UInt8(ascii: "<") else {
                pos += 1
                continue
            }
            if pos > textStart { element.children.append(.text(try decodeText(textStart, pos))) }
            if starts("</") {
                pos += 2
                let closing = try readName()
                guard closing == name else { throw fail("</\(closing)> closes <\(name)>") }
                skipSpaces()
                guard pos < input.count, input[pos] == UInt8(ascii: ">") else { throw fail("expected `>`") }
                pos += 1
                return element
            } else if starts("<![CDATA[") {
                pos += 9
                let start = pos
                try skip(past: "]]>", what: "CDATA section")
                element.children.append(.text(String(decoding: input[start..<(pos - 3)], as: UTF8.self)))
            } else if starts("<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if starts("<!") {
                try refuseDeclaration()
            } else {
                element.children.append(.element(try self.element(depth: depth + 1)))
            }
            textStart = pos
        }
    }

    /// Decodes character data: the five predefined entities and numeric references.
    private func decodeText(_ start: Int, _ end: Int) throws(FormatError) -> String {
        guard input[start..<end].contains(UInt8(ascii: "&")) else {
            return String(decoding: input[start..<end], as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let c = input[i]
            guard c == UInt8(ascii: "&") else {
                out.append(c)
                i += 1
                continue
            }
            guard let semicolon = input[i..<min(end, i + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                throw FormatError(.malformedXML, "bare `&` at byte \(i) (write &amp;)")
            }
            let name = String(decoding: input[(i + 1)..<semicolon], as: UTF8.self)
            switch name {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                guard name.hasPrefix("#"), let scalar = numericReference(name.dropFirst()) else {
                    throw FormatError(.malformedXML, "undefined entity `&\(name.prefix(20));` at byte \(i)")
                }
                UTF8Validation.append(scalar: scalar, to: &out)
            }
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A `#123` / `#x1F600` reference's code point if it is a legal XML character.
    private func numericReference(_ digits: Substring) -> UInt32? {
        let value: UInt32?
        if digits.first == "x" || digits.first == "X" {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        guard let v = value else { return nil }
        let legal =
            v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v)
        return legal ? v : nil
    }

    private mutating func readName() throws(FormatError) -> String {
        let start = pos
        while pos < input.count {
            let c = input[pos]
            let isNameByte =
                (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "_")
                || c == UInt8(ascii: ":") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c >= 0x80
            guard isNameByte else { break }
            pos += 1
        }
        guard pos > start else { throw fail("expected a name") }
        return String(decoding: input[start..<pos], as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while pos < input.count, input[pos] == 0x20 || input[pos] == 0x0A || input[pos] == 0x0D || input[pos] == 0x09 {
            pos += 1
        }
    }

    private func starts(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard pos + n <= input.count else { return false }
        for k in 0..<n where input[pos + k] != s.utf8Start[k] { return false }
        return true
    }

    private mutating func skip(past terminator: StaticString, what: String) throws(FormatError) {
        let start = pos
        while pos < input.count {
            if starts(terminator) {
                pos += terminator.utf8CodeUnitCount
                return
            }
            pos += 1
        }
        throw FormatError(.malformedXML, "unterminated \(what) starting at byte \(start)")
    }

    private func fail(_ message: String) -> FormatError {
        FormatError(.malformedXML, "\(message) at byte \(pos)")
    }
}
