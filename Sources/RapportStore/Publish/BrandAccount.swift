import Foundation

/// One of the brand's own accounts on a network, in the inventory whether Rapport can post with it or not.
public struct BrandAccount: Sendable, Hashable, Codable, Identifiable {
    /// Whether Rapport can act as this account.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Credentials are stored (or come from the environment) and have not failed.
        case connected
        /// Credentials were refused by the network: an admin must enter new ones.
        case needsReconnect = "needs_reconnect"
        /// Known, owned and reviewed, but Rapport holds no credentials for it.
        case inventoryOnly = "inventory_only"
    }

    public var id: Int64
    /// `x`, `bluesky`, `mastodon`, `facebook`, `instagram`, or any other network's name for accounts kept in
    /// the inventory only.
    public var network: String
    /// Lower-cased, without a leading `@`.
    public var handle: String
    public var name: String
    public var ownerID: Int64?
    public var teamID: Int64?
    public var purpose: String
    public var followers: Int64?
    public var status: Status
    /// The network's account configured by environment variables (`RAPPORT_X_TOKEN`, …).
    public var isDefault: Bool
    public var hasCredentials: Bool
    /// The latest post or reply Rapport saw from it or sent as it.
    public var lastActivityAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
}

/// A handle listening saw using a brand's name that is not in the inventory, with what it posted.
public struct DiscoveredHandle: Sendable, Hashable, Codable {
    public struct Post: Sendable, Hashable, Codable {
        public var id: Int64
        public var text: String
        public var url: String?
        public var createdAt: Date
    }

    public var network: String
    public var handle: String
    public var name: String?
    public var followers: Int64?
    /// The brand whose name the handle or display name carries.
    public var brand: String
    public var postCount: Int
    public var lastSeenAt: Date
    /// The latest posts seen (at most 3).
    public var posts: [Post]
    /// `fan`, `partner` or `impersonator` once reviewed; nil while waiting for review.
    public var decision: String?
}
