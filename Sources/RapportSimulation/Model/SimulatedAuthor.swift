/// A person as one network sees them. Built from the author pool, or by hand when reusing the payload builders.
public struct SimulatedAuthor: Sendable, Hashable {
    /// The network's id for the person (numeric string, DID, PSID, e-mail address…).
    public var id: String
    /// Handle or username without "@".
    public var handle: String
    /// Display name.
    public var name: String
    /// Follower count.
    public var followers: Int
    /// Accounts followed.
    public var following: Int
    /// Posts written so far.
    public var postCount: Int
    /// Verified or notable account.
    public var verified: Bool
    /// Profile text.
    public var bio: String

    /// Creates an author.
    public init(
        id: String, handle: String, name: String, followers: Int = 0, following: Int = 0,
        postCount: Int = 0,
        verified: Bool = false, bio: String = ""
    ) {
        self.id = id
        self.handle = handle
        self.name = name
        self.followers = followers
        self.following = following
        self.postCount = postCount
        self.verified = verified
        self.bio = bio
    }
}
