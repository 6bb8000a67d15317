/// A lexical token of a listening query, with its character offset for errors.
struct QueryToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case openParen
        case closeParen
        case and
        case or
        case not
        /// `-` glued to the operand it excludes (`-spam`).
        case minus
        /// The text between the quotes.
        case phrase(String)
        /// Anything else: a term, `#tag`, `@handle`, `field:value`, `prefix*`.
        case word(String)
        case end
    }

    var kind: Kind
    /// 0-based character offset of the token's first character.
    var offset: Int

    /// True when the token can begin an operand (and so an implicit AND).
    var startsOperand: Bool {
        switch kind {
        case .openParen, .not, .minus, .phrase, .word: true
        case .closeParen, .and, .or, .end: false
        }
    }
}
