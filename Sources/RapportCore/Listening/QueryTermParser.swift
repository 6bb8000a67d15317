/// Turns the text of a word or phrase token into a query node: folds it and
/// tokenises it exactly like post text, so both sides agree on what a token is.
struct QueryTermParser {
    let source: String

    /// A bare word: `#tag`, `@handle`, `field:value`, `prefix*` or a term.
    func word(_ text: String, offset: Int) throws(QuerySyntaxError) -> QueryNode {
        if text.first == "#" { return try hashtag(text, offset: offset) }
        if text.first == "@" { return try handle(text, offset: offset) }
        if let colon = text.firstIndex(of: ":"), colon != text.startIndex {
            return try QueryFieldParser(source: source).field(text, colon: colon, offset: offset)
        }
        if let star = text.firstIndex(of: "*") {
            let starOffset = offset + text.distance(from: text.startIndex, to: star)
            guard star == text.index(before: text.endIndex) else {
                throw error(at: starOffset, "'*' is only allowed at the end of a term, as in acme*")
            }
            return try prefix(String(text.dropLast()), offset: offset, starOffset: starOffset)
        }
        let folded = TextFolder.fold(text)
        guard let node = Self.sequence(folded) else {
            throw error(at: offset, "'\(text)' has nothing to match: use letters or digits")
        }
        return node
    }

    /// The text between the quotes of `"…"`, whose opening quote is at `offset`.
    func phrase(_ text: String, offset: Int) throws(QuerySyntaxError) -> QueryNode {
        guard let node = Self.sequence(TextFolder.fold(text)) else {
            throw error(at: offset, "empty phrase: put words between the quotes")
        }
        return node
    }

    private func hashtag(_ text: String, offset: Int) throws(QuerySyntaxError) -> QueryNode {
        let body = text.dropFirst()
        guard !body.isEmpty else {
            throw error(at: offset, "'#' must be followed by a hashtag, as in #acme")
        }
        if let bad = body.firstIndex(where: { $0 == "*" }) {
            throw error(
                at: offset + text.distance(from: text.startIndex, to: bad),
                "wildcards work on plain terms only")
        }
        let folded = TextFolder.fold(body)
        guard !folded.isEmpty, folded.allSatisfy(Tokenizer.isWordByte) else {
            throw error(at: offset, "a hashtag can only contain letters, digits and '_'")
        }
        return .hashtag(folded)
    }

    private func handle(_ text: String, offset: Int) throws(QuerySyntaxError) -> QueryNode {
        let body = text.dropFirst()
        guard !body.isEmpty else {
            throw error(at: offset, "'@' must be followed by a handle, as in @acme")
        }
        let folded = TextFolder.fold(body)
        let valid =
            !folded.isEmpty && Tokenizer.isWordByte(folded[0])
            && folded.withUnsafeBufferPointer { Tokenizer.handleEnd($0, bodyStart: 0) } == folded.count
        guard valid else {
            throw error(
                at: offset,
                "a handle can only contain letters, digits, '_', and '.', '-' or '@' between them")
        }
        return .handle(folded)
    }

    private func prefix(_ body: String, offset: Int, starOffset: Int) throws(QuerySyntaxError)
        -> QueryNode
    {
        let folded = TextFolder.fold(body)
        let tokens = Tokenizer.tokenize(folded)
        guard tokens.count == 1, tokens[0].kind == .word, tokens[0].length == folded.count else {
            throw error(at: offset, "a wildcard term must be a single word before the '*'")
        }
        guard body.count >= 2 else {
            throw error(at: starOffset, "a wildcard needs at least 2 characters before '*'")
        }
        return .prefix(folded)
    }

    /// One node for the tokens of `folded`: a single word, hashtag or handle,
    /// or a phrase. Nil when there is nothing to match.
    static func sequence(_ folded: [UInt8]) -> QueryNode? {
        let elements = phraseElements(folded)
        guard let first = elements.first else { return nil }
        guard elements.count == 1 else { return .phrase(elements) }
        switch first.kind {
        case .word: return .word(first.text)
        case .hashtag: return .hashtag(first.text)
        case .handle: return .handle(first.text)
        }
    }

    /// One element per position, the most specific token there: a hashtag or
    /// handle rather than the word it also yields.
    static func phraseElements(_ folded: [UInt8]) -> [PhraseElement] {
        var elements: [PhraseElement] = []
        var lastPosition: Int32 = -1
        for token in Tokenizer.tokenize(folded) {
            let element = PhraseElement(kind: token.kind, text: Array(folded[token.range]))
            if token.position == lastPosition {
                // Tokens at one position come most specific first.
                continue
            }
            elements.append(element)
            lastPosition = token.position
        }
        return elements
    }

    private func error(at offset: Int, _ message: String) -> QuerySyntaxError {
        QuerySyntaxError(source: source, offset: offset, message: message)
    }
}
