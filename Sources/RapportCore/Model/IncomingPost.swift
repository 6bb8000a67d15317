import Foundation

/// A post as a connector normalised it, before rules, analysis and storage.
public struct IncomingPost: Codable, Sendable, Hashable {
    public var network: Network
    /// Unique per network; with `network` it is the idempotency key.
    public var externalID: String
    public var url: String?
    public var author: Author
    /// Plain text: HTML already turned into text, entities decoded.
    public var text: String
    /// Title or email subject when the source has one.
    public var title: String?
    /// BCP-47 primary language tag when the platform says (`en`, `es`).
    public var language: String?
    public var createdAt: Date
    public var metrics: PostMetrics
    public var kind: MentionKind
    public var origin: Origin
    /// External id of the post this one replies to, if any.
    public var inReplyToID: String?
    /// External id of the thread root / conversation (X conversation_id, email thread root…).
    public var threadID: String?
    /// Hashtags without `#`, as the platform or the text gave them.
    public var hashtags: [String]
    /// Handles mentioned, without `@`.
    public var mentionedHandles: [String]
    /// The content id of this exact version of the post, where the network names one (Bluesky's CID):
    /// a reply there must cite it.
    public var contentID: String?
    /// The content id of the thread's root post (Bluesky's `reply.root.cid`); nil for a post that starts
    /// its thread (its own `contentID` is the root's).
    public var threadRootContentID: String?

    public init(
        network: Network, externalID: String, url: String? = nil, author: Author, text: String,
        title: String? = nil, language: String? = nil, createdAt: Date, metrics: PostMetrics = .zero,
        kind: MentionKind = .post, origin: Origin, inReplyToID: String? = nil, threadID: String? = nil,
        hashtags: [String] = [], mentionedHandles: [String] = [], contentID: String? = nil,
        threadRootContentID: String? = nil
    ) {
        self.network = network
        self.externalID = externalID
        self.url = url
        self.author = author
        self.text = text
        self.title = title
        self.language = language
        self.createdAt = createdAt
        self.metrics = metrics
        self.kind = kind
        self.origin = origin
        self.inReplyToID = inReplyToID
        self.threadID = threadID
        self.hashtags = hashtags
        self.mentionedHandles = mentionedHandles
        self.contentID = contentID
        self.threadRootContentID = threadRootContentID
    }
}
