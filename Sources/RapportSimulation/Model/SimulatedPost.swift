import Foundation

/// The network-independent content of one post, input of the payload builders.
public struct SimulatedPost: Sendable, Hashable {
    /// The platform id of the post (tweet id, comment id, message id, record key…).
    public var id: String
    /// Plain text as the author typed it.
    public var text: String
    /// When it was written.
    public var createdAt: Date
    /// ISO 639-1 language, if the platform reports one.
    public var language: String?
    /// Likes / favourites / score.
    public var likes: Int
    /// Reposts / retweets / reblogs.
    public var reposts: Int
    /// Replies.
    public var replies: Int
    /// Quotes (X only).
    public var quotes: Int
    /// A subject or title for email, feed items and Reddit threads.
    public var title: String

    /// Creates a post.
    public init(
        id: String, text: String, createdAt: Date, language: String? = "en", likes: Int = 0,
        reposts: Int = 0,
        replies: Int = 0, quotes: Int = 0, title: String = ""
    ) {
        self.id = id
        self.text = text
        self.createdAt = createdAt
        self.language = language
        self.likes = likes
        self.reposts = reposts
        self.replies = replies
        self.quotes = quotes
        self.title = title
    }
}
