/// Builds SVG markup. Every attribute value and text node goes through `escape`, so user data (series names,
/// labels, titles, URLs) can never close a tag or an attribute.
struct SVGWriter {
    private(set) var output = ""

    /// XML-escapes text for element content and attribute values, and drops the characters XML 1.0 forbids
    /// (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF).
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A link target safe to put in `href`: tabs and newlines removed (browsers ignore them, which would let
    /// "java\tscript:" through), surrounding spaces trimmed; relative URLs and http / https kept; nil for any
    /// other scheme (javascript:, data:, vbscript:…) or an empty string.
    static func safeLink(_ url: String?) -> String? {
        guard let url else { return nil }
        var cleaned = String(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let first = cleaned.unicodeScalars.first, first.value <= 0x20 { cleaned.unicodeScalars.removeFirst() }
        while let last = cleaned.unicodeScalars.last, last.value <= 0x20 { cleaned.unicodeScalars.removeLast() }
        guard !cleaned.isEmpty else { return nil }
        if let colon = cleaned.firstIndex(of: ":") {
            let scheme = cleaned[..<colon]
            let isScheme =
                scheme.first?.isLetter == true
                && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
            if isScheme, !["http", "https"].contains(scheme.lowercased()) { return nil }
        }
        return cleaned
    }

    /// `<name a="v" …>` (or `<name … />` when `selfClosing`).
    mutating func open(_ name: String, _ attributes: [(String, String)] = [], selfClosing: Bool = false) {
        output += "<" + name
        for (key, value) in attributes { output += " " + key + "=\"" + Self.escape(value) + "\"" }
        output += selfClosing ? "/>" : ">"
    }

    /// `</name>`.
    mutating func close(_ name: String) { output += "</" + name + ">" }

    /// `<name …/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        open(name, attributes, selfClosing: true)
    }

    /// `<name …>text</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        open(name, attributes)
        output += Self.escape(text)
        close(name)
    }

    /// A newline, to keep the output diffable.
    mutating func newline() { output += "\n" }

    /// Opens `<a href>` with a `<title>` tooltip when the link is safe, else a `<g>` with the tooltip; returns
    /// the tag to close.
    mutating func openPoint(link: String?, tooltip: String, className: String) -> String {
        if let href = Self.safeLink(link) {
            open("a", [("href", href), ("class", className)])
            element("title", text: tooltip)
            return "a"
        }
        open("g", [("class", className)])
        element("title", text: tooltip)
        return "g"
    }
}
