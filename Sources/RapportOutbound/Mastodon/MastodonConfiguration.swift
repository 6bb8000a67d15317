/// Where and as whom the Mastodon sender posts.
public struct MastodonConfiguration: Sendable {
    /// The brand account's instance, for example `https://mastodon.social`.
    public var baseURL: String
    /// User access token with `write:statuses`, sent as `Bearer`.
    public var accessToken: String
    /// Visibility of a public reply: `public` by default; `unlisted` keeps replies out of public timelines.
    public var publicVisibility: String

    public init(baseURL: String, accessToken: String, publicVisibility: String = "public") {
        self.baseURL = baseURL
        self.accessToken = accessToken
        self.publicVisibility = publicVisibility
    }
}
