/// Where a simulated post appears. Several networks share one payload format (Meta's three webhooks).
public enum SimulatedNetwork: String, Sendable, CaseIterable, Hashable {
    case x
    case facebookComment = "facebook"
    case instagramComment = "instagram"
    case messenger
    case reddit
    case bluesky
    case mastodon
    case rss
    case email
    case webchat

    /// The payload format name used by `rapport ingest --format` and the ingest endpoints.
    public var format: String {
        switch self {
        case .x: "x"
        case .facebookComment, .instagramComment, .messenger: "meta"
        case .reddit: "reddit"
        case .bluesky: "bluesky"
        case .mastodon: "mastodon"
        case .rss: "rss"
        case .email: "email"
        case .webchat: "webchat"
        }
    }

    /// True for the brand's own channels, which always concern the own brand and are never cut as off-topic.
    public var isOwnedChannel: Bool {
        switch self {
        case .facebookComment, .instagramComment, .messenger, .email, .webchat: true
        case .x, .reddit, .bluesky, .mastodon, .rss: false
        }
    }

    /// A realistic default mix for a consumer brand: X largest, then Meta comments and DMs, Reddit, Bluesky,
    /// Mastodon, email, feeds and web chat.
    public static let defaultMix: [SimulatedNetwork: Double] = [
        .x: 0.42, .facebookComment: 0.12, .instagramComment: 0.10, .messenger: 0.08, .reddit: 0.08,
        .bluesky: 0.07, .mastodon: 0.04, .email: 0.04, .rss: 0.03, .webchat: 0.02,
    ]
}
