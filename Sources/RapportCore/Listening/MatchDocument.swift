/// A post tokenised once for matching: folded text with token positions,
/// hashtags, handles and the fields that `lang:`, `network:`, `author:`… test.
///
/// Build one per post and evaluate any number of queries against it.
/// Title and text are both searched; a phrase never spans from one to the other.
public struct MatchDocument: Sendable {
    /// Folded title and text, separated by `Tokenizer.fieldSeparator`.
    var bytes: [UInt8]
    /// Tokens in position order (a hashtag and its word share a position).
    var tokens: [DocumentToken]
    /// Folded hashtags the platform reported, without `#`. They match `#tag` and plain `tag`.
    var reportedHashtags: [String]
    /// Folded handles the platform reported as mentioned, without `@`. They match `@handle`.
    var reportedHandles: [String]
    /// Folded author handle without a leading `@`.
    var authorHandle: String?

    /// Primary language subtag, lowercased (`en` for `en-US`).
    public var language: String?
    /// The network the post came from, for `network:`.
    public var network: Network?
    /// The author's follower count, for `min_followers:` and `max_followers:`.
    public var followers: Int?
    /// Whether the network verified the author, for `verified:`.
    public var verified: Bool
    /// The kind of message, for `kind:`.
    public var kind: MentionKind?
    /// Owned channel or public stream, for `origin:`.
    public var origin: Origin?

    /// Tokenises a normalised post: title and text, reported hashtags and
    /// mentions, and the author's handle, followers and verification.
    public init(post: IncomingPost) {
        self.init(
            text: post.text, title: post.title, hashtags: post.hashtags,
            mentionedHandles: post.mentionedHandles,
            language: post.language, network: post.network, authorHandle: post.author.handle,
            followers: post.author.followers, verified: post.author.verified, kind: post.kind,
            origin: post.origin)
    }

    /// Tokenises free text with optional fields (tests, previews of a rule).
    /// - Parameters:
    ///   - hashtags: hashtags reported besides those written in the text, with or without `#`.
    ///   - mentionedHandles: handles mentioned besides those written in the text, with or without `@`.
    ///   - language: a BCP-47 tag; only the primary subtag is compared.
    public init(
        text: String, title: String? = nil, hashtags: [String] = [], mentionedHandles: [String] = [],
        language: String? = nil, network: Network? = nil, authorHandle: String? = nil,
        followers: Int? = nil,
        verified: Bool = false, kind: MentionKind? = nil, origin: Origin? = nil
    ) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + (title?.utf8.count ?? 0) + 1)
        if let title {
            TextFolder.fold(title, into: &bytes)
            bytes.append(Tokenizer.fieldSeparator)
        }
        TextFolder.fold(text, into: &bytes)
        var tokens: [DocumentToken] = []
        tokens.reserveCapacity(bytes.count / 4)
        var position: Int32 = 0
        bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens, position: &position) }
        self.bytes = bytes
        self.tokens = tokens
        self.reportedHashtags =
            hashtags.isEmpty ? [] : hashtags.map { Self.foldStripping($0, prefix: UInt8(ascii: "#")) }
        self.reportedHandles =
            mentionedHandles.isEmpty ? [] : mentionedHandles.map { Self.foldStripping($0, prefix: UInt8(ascii: "@")) }
        self.authorHandle = authorHandle.map { Self.foldStripping($0, prefix: UInt8(ascii: "@")) }
        self.language = language.map(Self.primaryLanguage)
        self.network = network
        self.followers = followers
        self.verified = verified
        self.kind = kind
        self.origin = origin
    }

    /// The folded bytes of a token.
    @inline(__always)
    func bytes(of token: DocumentToken) -> ArraySlice<UInt8> {
        bytes[token.range]
    }

    /// Folds a hashtag, handle or author without its leading `#`/`@`. An
    /// already folded value (the usual lowercase ASCII handle) is returned as
    /// is, without allocating.
    static func foldStripping(_ value: String, prefix: UInt8) -> String {
        let utf8 = value.utf8
        let hasPrefix = utf8.first == prefix
        let alreadyFolded = utf8.allSatisfy { $0 < 0x80 && $0 &- 0x41 >= 26 }
        if alreadyFolded && !hasPrefix { return value }
        // The prefix is one ASCII byte, so the next UTF-8 index is a character boundary.
        let body = hasPrefix ? value[utf8.index(after: utf8.startIndex)...] : value[...]
        return alreadyFolded ? String(body) : String(decoding: TextFolder.fold(body), as: UTF8.self)
    }

    /// `en-US` → `en`, `PT_br` → `pt`. Allocation-free for the usual `en`.
    static func primaryLanguage(_ tag: String) -> String {
        if tag.utf8.allSatisfy({ $0 &- 0x61 < 26 }) { return tag }
        let separator = tag.firstIndex { $0 == "-" || $0 == "_" } ?? tag.endIndex
        return tag[..<separator].lowercased()
    }
}
