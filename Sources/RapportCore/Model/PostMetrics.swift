/// Engagement counters as reported by the network at ingest time.
public struct PostMetrics: Codable, Sendable, Hashable {
    public var likes: Int
    public var reposts: Int
    public var replies: Int
    public var quotes: Int

    public init(likes: Int = 0, reposts: Int = 0, replies: Int = 0, quotes: Int = 0) {
        self.likes = likes
        self.reposts = reposts
        self.replies = replies
        self.quotes = quotes
    }

    public static let zero = PostMetrics()
}
