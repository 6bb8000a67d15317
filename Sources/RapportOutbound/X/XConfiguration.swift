/// Where and as whom the X sender posts.
public struct XConfiguration: Sendable {
    /// `https://api.x.com` in production; a local server in tests.
    public var baseURL: String
    /// OAuth 2.0 user-context access token (scopes `tweet.write`, `dm.write`, …), sent as `Bearer`.
    /// App-only tokens cannot post. The caller refreshes it and builds a new configuration when it expires.
    public var userAccessToken: String

    public init(baseURL: String = "https://api.x.com", userAccessToken: String) {
        self.baseURL = baseURL
        self.userAccessToken = userAccessToken
    }
}
