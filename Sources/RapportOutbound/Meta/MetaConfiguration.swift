/// Where and as whom the Meta sender (Facebook, Instagram, Messenger) posts.
public struct MetaConfiguration: Sendable {
    /// `https://graph.facebook.com` in production (Instagram with Instagram Login: `https://graph.instagram.com`).
    public var baseURL: String
    /// Graph API version path segment, for example `v21.0`; Meta retires versions, so it is configuration.
    public var apiVersion: String
    /// Page access token with `pages_messaging`, `pages_manage_engagement` / `instagram_manage_comments`.
    /// Sent in the `Authorization: Bearer` header, which the Graph API accepts like the `access_token`
    /// parameter, so that the token stays out of URLs and access logs.
    public var pageAccessToken: String

    public init(baseURL: String = "https://graph.facebook.com", apiVersion: String = "v21.0", pageAccessToken: String) {
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.pageAccessToken = pageAccessToken
    }
}
