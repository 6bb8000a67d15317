/// Turns untrusted HTML into safe plain text.
///
/// Tags are dropped (nothing is ever interpreted), `<script>`/`<style>` content is
/// dropped with them, entities are decoded (named, decimal, hex; invalid code points
/// become U+FFFD), source whitespace collapses as a browser would, `<br>` becomes a line
/// break and block elements (`<p>`, `<div>`, `<li>`, headings…) separate lines, with a
/// blank line between paragraphs. Control characters other than line breaks are removed.
public enum HTMLText {
    /// Converts an HTML fragment to plain text.
    public static func text(fromHTML html: String) -> String {
        var converter = Converter(input: Array(html.utf8))
        converter.run()
        return String(decoding: converter.output, as: UTF8.self)
    }

    /// Decodes character references in text that is not otherwise HTML (Reddit bodies).
    public static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let (scalar, length) = HTMLEntities.decode(bytes, at: i) {
                UTF8Validation.append(scalar: scalar, to: &out)
                i += length
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes `&` and `<` so plain text survives ``text(fromHTML:)`` unchanged.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") }) else { return text }
        return text.replacingAmpersandAndLessThan()
    }

    private struct Converter {
        let input: [UInt8]
        var output: [UInt8] = []
        var pendingSpace = false
        var pendingBreaks = 0
        var i = 0

        init(input: [UInt8]) {
            self.input = input
            output.reserveCapacity(input.count)
        }

        mutating func run() {
            while i < input.count {
                let c = input[i]
                switch c {
                case UInt8(ascii: "<"):
                    if !tag() { emit(c); i += 1 }
                case UInt8(ascii: "&"):
                    if let (scalar, length) = HTMLEntities.decode(input, at: i) {
                        if scalar == 0xA0 || scalar == 0x20 { pendingSpace = true } else { emit(scalar: scalar) }
                        i += length
                    } else {
                        emit(c)
                        i += 1
                    }
                case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                    pendingSpace = true
                    i += 1
                case 0..<0x20, 0x7F:
                    i += 1  // other control characters never reach the text
                default:
                    emit(c)
                    i += 1
                }
            }
        }

        @inline(__always)
        mutating func emit(_ c: UInt8) {
            if !output.isEmpty {
                if pendingBreaks > 0 {
                    for _ in 0..<min(pendingBreaks, 2) { output.append(0x0A) }
                } else if pendingSpace {
                    output.append(0x20)
                }
            }
            pendingBreaks = 0
            pendingSpace = false
            output.append(c)
        }

        mutating func emit(scalar: UInt32) {
            if scalar < 0x80 {
                if scalar == 0x0A || scalar == 0x09 || scalar == 0x0D {
                    pendingSpace = true
                } else if scalar >= 0x20 {
                    emit(UInt8(scalar))
                }
                return
            }
            var bytes: [UInt8] = []
            UTF8Validation.append(scalar: scalar, to: &bytes)
            emit(bytes[0])
            output.append(contentsOf: bytes[1...])
        }

        mutating func lineBreak(_ count: Int) {
            pendingBreaks = max(pendingBreaks, count)
        }

        /// Consumes a tag, comment or declaration at `i`; false when `<` is literal text.
        mutating func tag() -> Bool {
            guard i + 1 < input.count else { return false }
            let next = input[i + 1]
            if next == UInt8(ascii: "!") {
                if startsWith("<!--", at: i) {
                    i = indexAfter("-->", from: i + 4)
                } else {
                    i = indexAfter(">", from: i + 2)
                }
                return true
            }
            if next == UInt8(ascii: "?") {
                i = indexAfter(">", from: i + 2)
                return true
            }
            let closing = next == UInt8(ascii: "/")
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < input.count, isNameByte(input[j]) { j += 1 }
            guard j > nameStart, isLetter(input[nameStart]) else { return false }
            let name = String(decoding: input[nameStart..<j], as: UTF8.self).lowercased()
            // Skip attributes, honouring quotes so `>` inside a value does not end the tag.
            var quote: UInt8 = 0
            while j < input.count {
                let c = input[j]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    break
                }
                j += 1
            }
            i = min(j + 1, input.count)
            if !closing && (name == "script" || name == "style" || name == "template") {
                skipRawText(until: name)
                return true
            }
            switch name {
            case "br": lineBreak(1)
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "hr":
                lineBreak(2)
            case "div", "li", "tr", "section", "article", "header", "footer", "dt", "dd", "figcaption":
                lineBreak(1)
            case "td", "th":
                pendingSpace = true
            default:
                break
            }
            return true
        }

        /// Skips everything up to and including `</name…>` (case-insensitive).
        mutating func skipRawText(until name: String) {
            let closing = Array("</\(name)".utf8)
            while i < input.count {
                if input[i] == UInt8(ascii: "<"), matchesCaseInsensitive(closing, at: i) {
                    i = indexAfter(">", from: i + closing.count)
                    return
                }
                i += 1
            }
        }

        func matchesCaseInsensitive(_ pattern: [UInt8], at index: Int) -> Bool {
            guard index + pattern.count <= input.count else { return false }
            for k in 0..<pattern.count where lower(input[index + k]) != pattern[k] { return false }
            return true
        }

        func startsWith(_ s: StaticString, at index: Int) -> Bool {
            let n = s.utf8CodeUnitCount
            guard index + n <= input.count else { return false }
            for k in 0..<n where input[index + k] != s.utf8Start[k] { return false }
            return true
        }

        func indexAfter(_ s: StaticString, from start: Int) -> Int {
            var k = start
            while k < input.count {
                if startsWith(s, at: k) { return k + s.utf8CodeUnitCount }
                k += 1
            }
            return input.count
        }

        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func isNameByte(_ c: UInt8) -> Bool {
            isLetter(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: ":")
        }
    }
}

extension String {
    fileprivate func replacingAmpersandAndLessThan() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for c in self {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            default: out.append(c)
            }
        }
        return out
    }
}
