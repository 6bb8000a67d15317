/// One token of a post, pointing into the tokenizer's lower-cased byte buffer.
struct Token: Sendable {
    var start: Int32
    var length: Int32
    /// Index into the lexicon's `infos`, or -1.
    var term: Int32 = -1
    var flags: TokenFlags = []
}

struct TokenFlags: OptionSet, Sendable {
    let rawValue: UInt32
    static let allCaps = TokenFlags(rawValue: 1 << 0)
    static let elongated = TokenFlags(rawValue: 1 << 1)
    static let hashtag = TokenFlags(rawValue: 1 << 2)
    static let mention = TokenFlags(rawValue: 1 << 3)
    static let emoji = TokenFlags(rawValue: 1 << 4)
    static let emoticon = TokenFlags(rawValue: 1 << 5)
    /// A comma, semicolon, colon, dash or bracket follows: negation scope stops here.
    static let clauseEnd = TokenFlags(rawValue: 1 << 6)
    /// A full stop, "!" or "?" follows.
    static let sentenceEnd = TokenFlags(rawValue: 1 << 7)
    /// First letter was upper case (proper-noun cue for topics).
    static let capitalised = TokenFlags(rawValue: 1 << 8)
    static let hasDigit = TokenFlags(rawValue: 1 << 9)
    /// Made of letters (possibly with inner apostrophes or hyphens).
    static let word = TokenFlags(rawValue: 1 << 10)
    /// A "?" directly follows this token.
    static let question = TokenFlags(rawValue: 1 << 11)
    /// A later piece of a CamelCase hashtag ("Again" in "#NeverAgain").
    static let continuation = TokenFlags(rawValue: 1 << 12)
    /// `term` was found only after collapsing an elongation ("sooo" → "so"): it is a sentiment
    /// entry, and the word lists keyed by plain words (languages, intents, fillers) do not apply.
    static let collapsed = TokenFlags(rawValue: 1 << 13)
    /// The word holds a Latin-1 letter (0xC3 …) or "ij": language detection reads its letters.
    static let letterCues = TokenFlags(rawValue: 1 << 14)

    // What each analysis step needs from the token's entry, decided once by the tokenizer (which
    // has the entry at hand) so that each step passes over the other tokens with one test.

    /// A plain-word entry (not `collapsed`) that is a stopword in some language.
    static let stopword = TokenFlags(rawValue: 1 << 15)
    /// A word (not a mention) with a language-specific ending ("-ção", "-lijk").
    static let ending = TokenFlags(rawValue: 1 << 16)
    /// The entry has a valence or starts a phrase, or is a sarcasm or contrast cue.
    static let sentimentCue = TokenFlags(rawValue: 1 << 17)
    /// A plain-word entry (not a mention, not `collapsed`) that is an intent cue or starts one.
    static let intentCue = TokenFlags(rawValue: 1 << 18)
    /// Can be part of a key phrase (`TopicExtractor.isContent`, not a hashtag).
    static let topicWord = TokenFlags(rawValue: 1 << 19)
}

/// A tokenized post: lower-cased UTF-8 bytes plus tokens that index into them.
///
/// A view over the tokenizer's scratch buffers (on the stack for ordinary posts): valid only
/// inside the `SocialTokenizer.withTokens` call that produced it.
struct TokenizedText {
    var bytes: UnsafeBufferPointer<UInt8>
    var tokens: UnsafeBufferPointer<Token>
    var exclamations = 0
    var questions = 0
    var urls = 0
    var mentions = 0
    var hashtags = 0
    /// Letters that were upper case / all letters, for "the whole post is shouting".
    var upperLetters = 0
    var letters = 0

    var isShouting: Bool { letters >= 6 && upperLetters * 10 >= letters * 8 }

    func text(of token: Token) -> String {
        String(
            decoding: UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start + token.length)]),
            as: UTF8.self)
    }

    /// Whether `token` spells `word` (ASCII, lower case).
    func token(_ token: Token, is word: StaticString) -> Bool {
        guard Int(token.length) == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        var i = 0
        while i < Int(token.length) {
            if bytes[Int(token.start) + i] != p[i] { return false }
            i += 1
        }
        return true
    }
}

/// Runs `body` with room for `count` values of `T`: stack memory when that fits in 1 KB
/// (every ordinary post), the heap otherwise.
@inline(__always) func withScratch<T, R>(of type: T.Type, count: Int, _ body: (UnsafeMutablePointer<T>) -> R) -> R {
    let fits = 1024 / MemoryLayout<T>.stride
    if count <= fits {
        return withUnsafeTemporaryAllocation(of: T.self, capacity: fits) { body($0.baseAddress!) }
    }
    let p = UnsafeMutablePointer<T>.allocate(capacity: count)
    defer { p.deallocate() }
    return body(p)
}
