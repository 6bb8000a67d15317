/// What a token is: a plain word, the body of a `#hashtag`, or the body of an `@handle`.
enum TokenKind: UInt8, Sendable, Hashable {
    case word = 0
    case hashtag = 1
    case handle = 2
}

/// One token of a folded text: a byte range of the folded buffer and its
/// position in the token stream (phrases need consecutive positions).
///
/// A `#tag` yields a hashtag and a word at the same position; an `@a.b` yields
/// a handle at position p and the words `a`, `b` at p and p+1, so plain terms
/// and phrases see through hashtags and handles.
struct DocumentToken: Sendable, Hashable {
    var start: Int32
    var length: Int32
    var position: Int32
    var kind: TokenKind

    var range: Range<Int> { Int(start)..<Int(start + length) }
}
