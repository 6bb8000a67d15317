import Foundation

/// A person (or company) across every channel: the unified social profile.
public struct Customer: Hashable, Sendable, Codable, Identifiable {
    public var id: CustomerID
    public var displayName: String?
    public var firstName: String?
    public var identities: [LinkedIdentity]
    /// Back-office facts (plan, lifetime value…), by key.
    public var facts: [String: FactValue]
    public var tags: [String]
    public var createdAt: Date
    /// Set on a customer merged into another; it then holds no identities.
    public var mergedInto: CustomerID?
    /// Customers merged into this one and not un-merged since.
    public var mergedFrom: [CustomerID]

    public init(
        id: CustomerID, displayName: String? = nil, firstName: String? = nil, identities: [LinkedIdentity] = [],
        facts: [String: FactValue] = [:], tags: [String] = [], createdAt: Date, mergedInto: CustomerID? = nil,
        mergedFrom: [CustomerID] = []
    ) {
        self.id = id
        self.displayName = displayName
        self.firstName = firstName
        self.identities = identities
        self.facts = facts
        self.tags = tags
        self.createdAt = createdAt
        self.mergedInto = mergedInto
        self.mergedFrom = mergedFrom
    }

    public func has(_ identity: Identity) -> Bool { identities.contains { $0.identity == identity } }

    /// Verified email addresses.
    public var verifiedEmails: [String] {
        identities.filter { $0.verified && $0.identity.kind == .email }.map(\.identity.value)
    }

    /// The first name to greet with: the stored one, else the display name's first word.
    public var greetingName: String? {
        if let firstName, !firstName.isEmpty { return firstName }
        return displayName?.split(separator: " ").first.map(String.init)
    }
}

/// One line of a customer's history.
public struct CustomerEvent: Hashable, Sendable, Codable {
    public enum Change: Hashable, Sendable, Codable {
        case identityLinked(Identity, LinkEvidence)
        case identityUnlinked(Identity)
        /// `source` was merged into this customer.
        case absorbed(source: CustomerID)
        case mergedInto(CustomerID)
        /// The merge of `source` into `target` was undone.
        case unmerged(source: CustomerID, target: CustomerID)
    }

    public var customerID: CustomerID
    public var at: Date
    public var by: Performer
    public var change: Change

    public init(customerID: CustomerID, at: Date, by: Performer, change: Change) {
        self.customerID = customerID
        self.at = at
        self.by = by
        self.change = change
    }
}

/// Why an identity operation was refused.
public enum IdentityError: Error, Hashable, Sendable {
    case sameCustomer(CustomerID)
    /// The customer was merged away; act on the customer it was merged into.
    case alreadyMerged(CustomerID, into: CustomerID)
    /// The identity belongs to another customer: merge them instead.
    case identityOwnedByAnother(Identity, owner: CustomerID)
    /// The merge record does not describe these two customers.
    case recordMismatch
    case identityNotLinked(Identity)
}
