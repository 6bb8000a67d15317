/// The person or account behind a mention, as the network describes them.
public struct Author: Codable, Sendable, Hashable {
    public var network: Network
    /// The network's stable id (X user id, Facebook PSID, Bluesky DID, email address…).
    public var externalID: String
    /// The handle people see (`samcarter`, `kim@mastodon.example`, `tess.bsky.social`).
    public var handle: String
    public var displayName: String?
    public var followers: Int?
    public var following: Int?
    public var verified: Bool
    public var profileURL: String?
    public var bio: String?

    private enum CodingKeys: String, CodingKey {
        case network, externalID = "externalId", handle, displayName, followers, following, verified,
            profileURL = "profileUrl", bio
    }

    public init(
        network: Network, externalID: String, handle: String, displayName: String? = nil,
        followers: Int? = nil, following: Int? = nil, verified: Bool = false,
        profileURL: String? = nil, bio: String? = nil
    ) {
        self.network = network
        self.externalID = externalID
        self.handle = handle
        self.displayName = displayName
        self.followers = followers
        self.following = following
        self.verified = verified
        self.profileURL = profileURL
        self.bio = bio
    }
}
