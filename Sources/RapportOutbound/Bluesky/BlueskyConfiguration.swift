/// Where and as whom the Bluesky sender posts.
public struct BlueskyConfiguration: Sendable {
    /// The account's PDS (or the entryway `https://bsky.social`).
    public var baseURL: String
    /// Handle or DID of the brand account.
    public var identifier: String
    /// An app password (never the main password), exchanged for a session token by `createSession`.
    public var appPassword: String

    public init(baseURL: String = "https://bsky.social", identifier: String, appPassword: String) {
        self.baseURL = baseURL
        self.identifier = identifier
        self.appPassword = appPassword
    }
}
