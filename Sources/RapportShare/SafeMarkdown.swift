import Foundation

/// Markdown to HTML for text people outside the page wrote (knowledge-base articles, announcements).
///
/// A deliberately small dialect: paragraphs, ATX headings (`#`…`######`), `*emphasis*`/`_emphasis_`,
/// `**strong**`, `` `inline code` ``, fenced code blocks (```), bullet (`-`, `*`, `+`) and numbered lists,
/// `[links](url)` and `<https://autolinks>`. Safety is by construction, not by filtering: every character of
/// the input reaches the output escaped, and the only tags are the few this type writes itself. Raw HTML in the
/// input is shown as text; a link's target must be http(s), mailto or relative, else the link is text.
public enum SafeMarkdown {
    /// The HTML of `markdown`: block elements only, nothing executable, safe to put inside any element.
    public static func html(_ markdown: String) -> String {
        var out = ""
        var paragraph: [Substring] = []
        var list: (ordered: Bool, items: [Substring])?
        var fence: [Substring]?

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.map { $0.trimmingSpaces }.joined(separator: "\n")
            out += "<p>" + inline(text) + "</p>\n"
            paragraph = []
        }
        func flushList() {
            guard let current = list else { return }
            let tag = current.ordered ? "ol" : "ul"
            out += "<\(tag)>" + current.items.map { "<li>" + inline(String($0)) + "</li>" }.joined() + "</\(tag)>\n"
            list = nil
        }

        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if var lines = fence {
                if line.trimmingSpaces.hasPrefix("```") {
                    out += "<pre><code>" + escape(lines.joined(separator: "\n")) + "</code></pre>\n"
                    fence = nil
                } else {
                    lines.append(line)
                    fence = lines
                }
                continue
            }
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("```") {
                flushParagraph()
                flushList()
                fence = []
                continue
            }
            if trimmed.isEmpty {
                flushParagraph()
                flushList()
                continue
            }
            if let (level, text) = heading(trimmed) {
                flushParagraph()
                flushList()
                out += "<h\(level)>" + inline(String(text)) + "</h\(level)>\n"
                continue
            }
            if let (ordered, text) = listItem(trimmed) {
                flushParagraph()
                if let current = list, current.ordered != ordered { flushList() }
                list = (ordered, (list?.items ?? []) + [text])
                continue
            }
            if list != nil, line.first == " " || line.first == "\t", var current = list, !current.items.isEmpty {
                // A continuation line of the last item.
                current.items[current.items.count - 1] = Substring(current.items.last! + " " + trimmed)
                list = current
                continue
            }
            flushList()
            paragraph.append(line)
        }
        if let lines = fence { out += "<pre><code>" + escape(lines.joined(separator: "\n")) + "</code></pre>\n" }
        flushParagraph()
        flushList()
        return out
    }

    /// The text of `markdown` without its markup, for a reply box or a search index (links keep their target).
    public static func plainText(_ markdown: String) -> String {
        var out: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = line.trimmingSpaces
            if text.hasPrefix("```") { continue }
            if let (_, rest) = heading(text) { text = rest }
            if let (ordered, rest) = listItem(text) { text = Substring((ordered ? "" : "• ") + rest) }
            var plain = ""
            for span in spans(String(text)) {
                switch span {
                case .text(let s), .code(let s), .emphasis(let s), .strong(let s): plain += s
                case .link(let label, let url): plain += label == url ? url : "\(label) (\(url))"
                }
            }
            out.append(plain)
        }
        return out.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and quoted attributes.
    public static func escape<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Whether a link target may be followed: http(s), mailto, or relative (no scheme at all). Anything with
    /// another scheme (`javascript:`, `data:`, `vbscript:`) is refused, including ones hidden by case, entities
    /// or control characters, because any `:` before the first `/`, `?` or `#` counts as a scheme.
    public static func isSafeURL(_ url: String) -> Bool {
        guard !url.isEmpty, !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\\" }) else {
            return false
        }
        if url.hasPrefix("//") { return false }
        let head = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let colon = head.firstIndex(of: ":") else { return true }
        let scheme = head[..<colon].lowercased()
        return scheme == "http" || scheme == "https" || scheme == "mailto"
    }

    static func heading(_ line: Substring) -> (Int, Substring)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (hashes, rest.trimmingSpaces)
    }

    static func listItem(_ line: Substring) -> (ordered: Bool, Substring)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (false, line.dropFirst(2).trimmingSpaces)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
                return (true, rest.dropFirst(2).trimmingSpaces)
            }
        }
        return nil
    }

    /// Inline markup of one block, escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for span in spans(text) {
            switch span {
            case .text(let s): out += escape(s).replacingOccurrences(of: "\n", with: "<br>")
            case .code(let s): out += "<code>" + escape(s) + "</code>"
            case .emphasis(let s): out += "<em>" + escape(s) + "</em>"
            case .strong(let s): out += "<strong>" + escape(s) + "</strong>"
            case .link(let label, let url):
                out += "<a href=\"" + escape(url) + "\" rel=\"nofollow noopener\">" + escape(label) + "</a>"
            }
        }
        return out
    }
}
