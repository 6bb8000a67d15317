/// The network of one target account, with what that network needs to be validated against. Only Mastodon
/// varies per instance; the others have one set of rules.
public enum TargetNetwork: Sendable, Hashable {
    case x
    case bluesky
    case mastodon(MastodonInstanceLimits)
    case facebook
    case instagram

    /// The network, without its parameters.
    public var network: PublishNetwork {
        switch self {
        case .x: .x
        case .bluesky: .bluesky
        case .mastodon: .mastodon
        case .facebook: .facebook
        case .instagram: .instagram
        }
    }
}

/// One account a post is meant for: the validator reports every problem against the account it concerns.
public struct PublishTarget: Sendable, Hashable {
    /// The brand account's id (what the API calls `accountId`).
    public var accountID: String
    /// The account's network and, for Mastodon, its instance's limits.
    public var network: TargetNetwork

    /// Creates a target.
    public init(accountID: String, network: TargetNetwork) {
        self.accountID = accountID
        self.network = network
    }
}
