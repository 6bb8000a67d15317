/// A tiny, safe template language for canned replies: text with `{{ name.path }}` placeholders and
/// an optional fallback, `{{ customer.first_name | "there" }}`. Nothing else: no expressions, no
/// loops, no code; values are inserted as they are (the web layer escapes for HTML).
public enum TemplateRenderer {
    /// One parsed piece of a template.
    enum Piece: Hashable {
        case text(String)
        case variable(name: String, fallback: String?)
    }

    /// Renders `template`, or throws listing every unknown variable (or, failing that, every
    /// variable without a value).
    public static func render(_ template: String, context: TemplateContext) throws(TemplateError) -> String {
        let pieces = try parse(template)
        var unknown: [String] = []
        var missing: [String] = []
        var output = ""
        for piece in pieces {
            switch piece {
            case .text(let text):
                output += text
            case .variable(let name, let fallback):
                guard let entry = context.values[name] else {
                    if !unknown.contains(name) { unknown.append(name) }
                    continue
                }
                if let value = entry, !value.isEmpty {
                    output += value
                } else if let fallback {
                    output += fallback
                } else if !missing.contains(name) {
                    missing.append(name)
                }
            }
        }
        if !unknown.isEmpty { throw .unknownVariables(unknown) }
        if !missing.isEmpty { throw .missingValues(missing) }
        return output
    }

    /// The variable names a template uses, in order of first use.
    public static func variables(in template: String) throws(TemplateError) -> [String] {
        var names: [String] = []
        for case .variable(let name, _) in try parse(template) where !names.contains(name) { names.append(name) }
        return names
    }

    /// Checks a template when it is saved: syntax, and only `known` variables.
    public static func validate(
        _ template: String, known: Set<String> = TemplateContext.standardNames
    ) throws(TemplateError) {
        let unknown = try variables(in: template).filter { !known.contains($0) }
        if !unknown.isEmpty { throw .unknownVariables(unknown) }
    }

    static func parse(_ template: String) throws(TemplateError) -> [Piece] {
        let chars = Array(template)
        var pieces: [Piece] = []
        var text = ""
        var i = 0
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else {
                text.append(chars[i])
                i += 1
                continue
            }
            let open = i
            if !text.isEmpty {
                pieces.append(.text(text))
                text = ""
            }
            i += 2
            skipSpaces(chars, &i)
            let nameStart = i
            while i < chars.count, isNameCharacter(chars[i]) { i += 1 }
            let name = String(chars[nameStart..<i])
            guard isValidName(name) else {
                throw .syntax(
                    offset: nameStart,
                    message: name.isEmpty
                        ? "expected a variable name after `{{`"
                        : "`\(name)` is not a variable name (use words.like_this)")
            }
            skipSpaces(chars, &i)
            var fallback: String?
            if i < chars.count, chars[i] == "|" {
                i += 1
                skipSpaces(chars, &i)
                fallback = try quoted(chars, &i)
                skipSpaces(chars, &i)
            }
            guard i + 1 < chars.count, chars[i] == "}", chars[i + 1] == "}" else {
                throw .syntax(
                    offset: i >= chars.count ? open : i,
                    message: i >= chars.count ? "`{{` is never closed" : "expected `}}` after `\(name)`")
            }
            i += 2
            pieces.append(.variable(name: name, fallback: fallback))
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    private static func quoted(_ chars: [Character], _ i: inout Int) throws(TemplateError) -> String {
        guard i < chars.count, chars[i] == "\"" else {
            throw .syntax(offset: i, message: "expected a quoted fallback after `|`")
        }
        let start = i
        i += 1
        var value = ""
        while i < chars.count {
            switch chars[i] {
            case "\"":
                i += 1
                return value
            case "\\" where i + 1 < chars.count:
                value.append(chars[i + 1])
                i += 2
            default:
                value.append(chars[i])
                i += 1
            }
        }
        throw .syntax(offset: start, message: "unterminated fallback text")
    }

    private static func skipSpaces(_ chars: [Character], _ i: inout Int) {
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == ".")
    }

    /// Dot-separated segments, each a letter or `_` followed by letters, digits or `_`.
    private static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { segment in
            guard let first = segment.first, first.isLetter || first == "_" else { return false }
            return true
        }
    }
}
