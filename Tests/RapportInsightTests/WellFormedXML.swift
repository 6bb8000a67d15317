/// A small well-formedness checker for the markup the charts produce: balanced tags, quoted attributes
/// without "<" or raw "&", text without raw "<", and only the five predefined entities or numeric
/// references. Enough to prove that hostile text cannot open or close an element.
enum WellFormedXML {
    static func problem(in text: String) -> String? {
        let characters = Array(text)
        var stack: [String] = []
        var index = 0
        var roots = 0
        func entityOK(at position: Int) -> Bool {
            guard let end = characters[position...].prefix(12).firstIndex(of: ";") else { return false }
            let name = String(characters[(position + 1)..<end])
            if ["amp", "lt", "gt", "quot", "apos"].contains(name) { return true }
            if name.hasPrefix("#x") { return name.count > 2 && name.dropFirst(2).allSatisfy(\.isHexDigit) }
            if name.hasPrefix("#") { return name.count > 1 && name.dropFirst().allSatisfy(\.isNumber) }
            return false
        }
        while index < characters.count {
            let character = characters[index]
            if character == "&" {
                guard entityOK(at: index) else { return "bad entity at \(index)" }
                index += 1
                continue
            }
            guard character == "<" else {
                if stack.isEmpty, !character.isWhitespace { return "text outside the root at \(index)" }
                index += 1
                continue
            }
            // A tag.
            var cursor = index + 1
            let closing = cursor < characters.count && characters[cursor] == "/"
            if closing { cursor += 1 }
            var name = ""
            while cursor < characters.count,
                characters[cursor].isLetter || characters[cursor].isNumber
                    || characters[cursor] == "-" || characters[cursor] == ":"
            {
                name.append(characters[cursor])
                cursor += 1
            }
            guard !name.isEmpty else { return "bad tag start at \(index)" }
            var selfClosing = false
            while true {
                guard cursor < characters.count else { return "unterminated tag <\(name)" }
                let c = characters[cursor]
                if c == ">" { break }
                if c == "/" {
                    guard cursor + 1 < characters.count, characters[cursor + 1] == ">" else {
                        return "stray / in <\(name)"
                    }
                    selfClosing = true
                    cursor += 1
                    break
                }
                if c.isWhitespace { cursor += 1; continue }
                // attribute="value"
                var attribute = ""
                while cursor < characters.count, characters[cursor] != "=", !characters[cursor].isWhitespace,
                    characters[cursor] != ">"
                {
                    attribute.append(characters[cursor])
                    cursor += 1
                }
                guard !attribute.isEmpty, attribute.allSatisfy({ $0.isLetter || $0.isNumber || "-:".contains($0) })
                else { return "bad attribute name '\(attribute)' in <\(name)" }
                guard cursor + 1 < characters.count, characters[cursor] == "=", characters[cursor + 1] == "\"" else {
                    return "unquoted attribute \(attribute) in <\(name)"
                }
                cursor += 2
                while cursor < characters.count, characters[cursor] != "\"" {
                    if characters[cursor] == "<" { return "< in attribute \(attribute) of <\(name)" }
                    if characters[cursor] == "&", !entityOK(at: cursor) { return "bad entity in \(attribute)" }
                    cursor += 1
                }
                guard cursor < characters.count else { return "unterminated attribute \(attribute)" }
                cursor += 1
            }
            if closing {
                guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
                stack.removeLast()
            } else if !selfClosing {
                if stack.isEmpty { roots += 1 }
                stack.append(name)
            } else if stack.isEmpty {
                roots += 1
            }
            index = cursor + 1
        }
        if !stack.isEmpty { return "unclosed <\(stack.last!)>" }
        return roots == 1 ? nil : "\(roots) root elements"
    }
}
