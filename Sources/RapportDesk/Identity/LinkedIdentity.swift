import Foundation

/// Why an identity belongs to a customer.
public enum LinkEvidence: Hashable, Sendable, Codable {
    /// The customer was created from this identity.
    case firstContact
    /// The identity carries a verified email the customer already has verified.
    case sameVerifiedEmail(String)
    /// A message from one of the customer's identities named this one ("I also tweeted you as @danaw").
    case namedInMessage(by: Identity, excerpt: String)
    case agentConfirmed(AgentID)
    /// Brought over from another customer by a merge.
    case merged(from: CustomerID)
    /// Imported from a back-office system.
    case imported
}

/// An identity on a customer, with how and when it was linked.
public struct LinkedIdentity: Hashable, Sendable, Codable {
    public var identity: Identity
    /// The network or a sign-in verified the customer controls it.
    public var verified: Bool
    public var evidence: LinkEvidence
    public var linkedAt: Date

    public init(identity: Identity, verified: Bool = false, evidence: LinkEvidence, linkedAt: Date) {
        self.identity = identity
        self.verified = verified
        self.evidence = evidence
        self.linkedAt = linkedAt
    }
}
