import Foundation

/// A customer's message naming another account ("I also tweeted you as @danaw"), waiting for an agent: confirming
/// links the account to the customer or, when it is already someone else's, merges the two profiles.
public struct IdentityClaim: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case open, confirmed, dismissed
    }

    public var id: Int64
    public var customerID: Int64
    /// Identity kind and value, as `customer_identities` holds them (`x`, `danaw`).
    public var kind: String
    public var value: String
    public var evidence: String
    public var status: Status
    /// The customer who already holds the named account, if any: confirming merges into them.
    public var ownerID: Int64?
    public var createdAt: Date
}
