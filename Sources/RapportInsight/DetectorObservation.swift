import Foundation

/// One post as the crisis detector sees it: when it was written and which series it counts toward.
///
/// The timestamp is the post's own creation time, never the time it was ingested, so that replaying a
/// history raises exactly the alerts that living through it would have raised.
public struct DetectorObservation: Sendable, Hashable {
    /// When the post was written.
    public var timestamp: Date
    /// The series the post counts toward: rule ids, a brand, topic keys ("rule:42", "topic:outage"…). Each key
    /// is monitored on its own; duplicates in the list are counted once.
    public var keys: [String]
    /// True when the post's sentiment is negative.
    public var negative: Bool
    /// Reposts / retweets / reblogs known at observation time.
    public var reposts: Int
    /// Replies known at observation time.
    public var replies: Int
    /// The author's follower count on the post's network.
    public var authorFollowers: Int
    /// The post's id, quoted in amplification evidence when the post is an influential author's.
    public var postID: String?
    /// The author's id, quoted in amplification evidence when the author is influential.
    public var authorID: String?

    /// Creates an observation.
    public init(
        timestamp: Date, keys: [String], negative: Bool = false, reposts: Int = 0, replies: Int = 0,
        authorFollowers: Int = 0, postID: String? = nil, authorID: String? = nil
    ) {
        self.timestamp = timestamp
        self.keys = keys
        self.negative = negative
        self.reposts = reposts
        self.replies = replies
        self.authorFollowers = authorFollowers
        self.postID = postID
        self.authorID = authorID
    }
}
