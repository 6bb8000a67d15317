/// Finds the colleagues a note @mentions. `@dana`, `@Dana`, `@dana.whitfield` (the email's local
/// part) and `@DanaWhitfield` (the name without spaces) all name Dana; `@dan` does not. An e-mail
/// address in the text (`sam@example.org`) is not a mention.
public enum NoteMentions {
    /// A colleague who can be mentioned.
    public struct Colleague: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var email: String

        public init(id: Int64, name: String, email: String) {
            self.id = id
            self.name = name
            self.email = email
        }

        /// The handles that name this colleague, lowercased.
        var handles: Set<String> {
            let parts = name.lowercased().split(whereSeparator: { $0 == " " })
            var handles: Set<String> = [parts.joined()]
            if let first = parts.first { handles.insert(String(first)) }
            if let local = email.lowercased().split(separator: "@").first { handles.insert(String(local)) }
            handles.remove("")
            return handles
        }
    }

    /// The ids of colleagues mentioned, in order of first mention, without duplicates.
    public static func find(in text: String, among colleagues: [Colleague]) -> [Int64] {
        var byHandle: [String: [Int64]] = [:]
        for colleague in colleagues {
            for handle in colleague.handles { byHandle[handle, default: []].append(colleague.id) }
        }
        var found: [Int64] = []
        for token in tokens(text) {
            // A first name two colleagues share names neither: ambiguous mentions notify no one.
            guard let ids = byHandle[token], ids.count == 1, !found.contains(ids[0]) else { continue }
            found.append(ids[0])
        }
        return found
    }

    /// Lowercased words that follow an `@` at the start of the text or after a non-word character.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "@" else { continue }
            if index > 0, isWordCharacter(characters[index - 1]) { continue }
            var end = index + 1
            while end < characters.count, isWordCharacter(characters[end]) || characters[end] == "." {
                end += 1
            }
            // A trailing full stop ends the sentence, not the handle.
            while end > index + 1, characters[end - 1] == "." { end -= 1 }
            if end > index + 1 { result.append(String(characters[(index + 1)..<end]).lowercased()) }
            index = end - 1
        }
        return result
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-"
    }
}
