/// Splits a query into tokens. Operators are upper-case only (`AND`, `OR`,
/// `NOT`) so that `and`, `or` and `not` stay searchable words.
struct QueryLexer {
    let source: String
    private let characters: [Character]

    init(source: String) {
        self.source = source
        self.characters = Array(source)
    }

    static let openQuotes: Set<Character> = ["\"", "“"]
    static let closeQuotes: Set<Character> = ["\"", "”"]

    func tokens() throws(QuerySyntaxError) -> [QueryToken] {
        var tokens: [QueryToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "(" {
                tokens.append(QueryToken(kind: .openParen, offset: index))
                index += 1
            } else if character == ")" {
                tokens.append(QueryToken(kind: .closeParen, offset: index))
                index += 1
            } else if Self.openQuotes.contains(character) {
                var end = index + 1
                while end < characters.count, !Self.closeQuotes.contains(characters[end]) { end += 1 }
                guard end < characters.count else {
                    throw error(at: index, "unterminated phrase: add the closing '\"'")
                }
                tokens.append(QueryToken(kind: .phrase(String(characters[index + 1..<end])), offset: index))
                index = end + 1
            } else if character == "-" {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                guard let next, !next.isWhitespace, next != ")" else {
                    throw error(at: index, "'-' must be followed directly by what to exclude, as in -spam")
                }
                tokens.append(QueryToken(kind: .minus, offset: index))
                index += 1
            } else {
                var end = index
                while end < characters.count, !Self.endsWord(characters[end]) { end += 1 }
                guard end > index else { throw error(at: index, "unexpected '\(character)'") }
                let word = String(characters[index..<end])
                let kind: QueryToken.Kind =
                    switch word {
                    case "AND": .and
                    case "OR": .or
                    case "NOT": .not
                    default: .word(word)
                    }
                tokens.append(QueryToken(kind: kind, offset: index))
                index = end
            }
        }
        tokens.append(QueryToken(kind: .end, offset: characters.count))
        return tokens
    }

    private static func endsWord(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || openQuotes.contains(character)
            || closeQuotes.contains(character)
    }

    private func error(at offset: Int, _ message: String) -> QuerySyntaxError {
        QuerySyntaxError(source: source, offset: offset, message: message)
    }
}
