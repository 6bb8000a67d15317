import Foundation

/// A member of the customer community: a customer (their profile holds the member's other identities, cases and
/// orders) with a display name and a standing. A deleted account keeps its row, emptied, so its posts stay as
/// "a former member".
public struct CommunityMember: Sendable, Hashable, Codable, Identifiable {
    public enum Status: String, Sendable, Hashable, Codable {
        case active, blocked, deleted
    }

    public var id: Int64
    /// The customer profile (nil once the account is deleted).
    public var customerID: Int64?
    /// Normalised; nil once deleted.
    public var email: String?
    public var displayName: String
    public var status: Status
    /// Has had a post published: new posts skip the first-post review.
    public var trusted: Bool
    public var createdAt: Date
    public var lastActiveAt: Date

    /// The name shown beside the member's posts.
    public var publicName: String { status == .deleted ? "Former member" : displayName }
}

/// One live community session: the member and the CSRF token its forms carry.
public struct CommunitySession: Sendable, Hashable {
    public var member: CommunityMember
    public var csrfToken: String
}
