/// Splits folded bytes (see `TextFolder`) into words, hashtags and handles.
///
/// Words are runs of `[a-z0-9_]` and non-ASCII bytes (the folder guarantees
/// those are letters or digits). `#` or `@` start a hashtag or handle only at
/// the beginning of a token (`sam@acme.com` is three words, not a handle).
/// A handle continues over `.`, `-` and `@` when a word byte follows, so
/// `@kim@mastodon.example` and `@tess.bsky.social` are single handles.
enum Tokenizer {
    /// A zero byte ends a field (title, text): positions jump so that phrases
    /// never match across it.
    static let fieldSeparator: UInt8 = 0

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x5F || byte >= 0x80
    }

    @inline(__always)
    static func isHandleJoiner(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x2D || byte == 0x40  // . - @
    }

    /// Appends the tokens of `bytes` to `tokens`, numbering positions from `position`.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [DocumentToken], position: inout Int32
    ) {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if isWordByte(byte) {
                var end = index + 1
                while end < count, isWordByte(bytes[end]) { end += 1 }
                tokens.append(token(index, end, position, .word))
                position += 1
                index = end
                continue
            }
            let previousIsWord = index > 0 && isWordByte(bytes[index - 1])
            let nextIsWord = index + 1 < count && isWordByte(bytes[index + 1])
            if byte == 0x23, !previousIsWord, nextIsWord {  // #hashtag
                var end = index + 2
                while end < count, isWordByte(bytes[end]) { end += 1 }
                tokens.append(token(index + 1, end, position, .hashtag))
                tokens.append(token(index + 1, end, position, .word))
                position += 1
                index = end
            } else if byte == 0x40, !previousIsWord, nextIsWord {  // @handle
                let end = handleEnd(bytes, bodyStart: index + 1)
                tokens.append(token(index + 1, end, position, .handle))
                var wordStart = index + 1
                for cursor in (index + 1)...end where cursor == end || !isWordByte(bytes[cursor]) {
                    tokens.append(token(wordStart, cursor, position, .word))
                    position += 1
                    wordStart = cursor + 1
                }
                index = end
            } else {
                if byte == fieldSeparator { position += 1 }
                index += 1
            }
        }
    }

    /// Where a handle whose body starts at `bodyStart` (a word byte) ends.
    static func handleEnd(_ bytes: UnsafeBufferPointer<UInt8>, bodyStart: Int) -> Int {
        var end = bodyStart
        while end < bytes.count {
            if isWordByte(bytes[end]) {
                end += 1
            } else if isHandleJoiner(bytes[end]), end + 1 < bytes.count, isWordByte(bytes[end + 1]) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// Tokenizes a whole folded buffer (used for query terms and phrases).
    static func tokenize(_ bytes: [UInt8]) -> [DocumentToken] {
        var tokens: [DocumentToken] = []
        var position: Int32 = 0
        bytes.withUnsafeBufferPointer { tokenize($0, into: &tokens, position: &position) }
        return tokens
    }

    @inline(__always)
    private static func token(_ start: Int, _ end: Int, _ position: Int32, _ kind: TokenKind)
        -> DocumentToken
    {
        DocumentToken(start: Int32(start), length: Int32(end - start), position: position, kind: kind)
    }
}
