import Foundation

/// The inline scanner: one left-to-right pass, no backtracking beyond the closing mark it looks for, so its cost
/// is linear-ish in the text whatever a stranger types.
extension SafeMarkdown {
    enum Span: Equatable {
        case text(String)
        case code(String)
        case emphasis(String)
        case strong(String)
        case link(label: String, url: String)
    }

    static func spans(_ text: String) -> [Span] {
        let chars = Array(text)
        var spans: [Span] = []
        var plain = ""
        func emit(_ span: Span) {
            if !plain.isEmpty { spans.append(.text(plain)) }
            plain = ""
            spans.append(span)
        }
        func find(_ mark: [Character], from start: Int) -> Int? {
            guard start < chars.count else { return nil }
            var i = start
            while i + mark.count <= chars.count {
                if Array(chars[i..<(i + mark.count)]) == mark { return i }
                i += 1
            }
            return nil
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "\\`*_[]()<>#".contains(chars[i + 1]) {
                plain.append(chars[i + 1])
                i += 2
                continue
            }
            if c == "`", let end = find(["`"], from: i + 1), end > i + 1 {
                emit(.code(String(chars[(i + 1)..<end])))
                i = end + 1
                continue
            }
            if (c == "*" || c == "_"), i + 1 < chars.count, chars[i + 1] == c,
                let end = find([c, c], from: i + 2), end > i + 2
            {
                emit(.strong(String(chars[(i + 2)..<end])))
                i = end + 2
                continue
            }
            if (c == "*" || c == "_"), i + 1 < chars.count, chars[i + 1] != " ",
                c == "*" || i == 0 || !chars[i - 1].isLetter,
                let end = find([c], from: i + 1), end > i + 1, chars[end - 1] != " "
            {
                emit(.emphasis(String(chars[(i + 1)..<end])))
                i = end + 1
                continue
            }
            if c == "[", let close = find(["]", "("], from: i + 1), let end = find([")"], from: close + 2) {
                let label = String(chars[(i + 1)..<close])
                let url = String(chars[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
                if isSafeURL(url), !label.isEmpty {
                    emit(.link(label: label, url: url))
                    i = end + 1
                    continue
                }
            }
            if c == "<", let end = find([">"], from: i + 1) {
                let inside = String(chars[(i + 1)..<end])
                let lower = inside.lowercased()
                if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:"),
                    isSafeURL(inside)
                {
                    emit(.link(label: inside, url: inside))
                    i = end + 1
                    continue
                }
            }
            plain.append(c)
            i += 1
        }
        if !plain.isEmpty { spans.append(.text(plain)) }
        return spans
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
