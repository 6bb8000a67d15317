import Foundation

/// Links and unlinks single identities on a customer.
public enum IdentityLinker {
    /// Links `identity` to `customer`. `owner` is the customer currently holding it, if any (from
    /// the directory): linking an identity another customer holds is refused, merge them instead.
    public static func link(
        _ identity: Identity, to customer: Customer, owner: CustomerID? = nil, evidence: LinkEvidence,
        verified: Bool = false, by: Performer, at date: Date
    ) throws(IdentityError) -> (customer: Customer, events: [CustomerEvent]) {
        if let into = customer.mergedInto { throw .alreadyMerged(customer.id, into: into) }
        if let owner, owner != customer.id { throw .identityOwnedByAnother(identity, owner: owner) }
        var result = customer
        if let index = result.identities.firstIndex(where: { $0.identity == identity }) {
            // Already linked: an agent's confirmation or a verification can only strengthen it.
            guard verified && !result.identities[index].verified else { return (customer, []) }
            result.identities[index].verified = true
            return (result, [])
        }
        result.identities.append(
            LinkedIdentity(identity: identity, verified: verified, evidence: evidence, linkedAt: date))
        return (
            result,
            [CustomerEvent(customerID: customer.id, at: date, by: by, change: .identityLinked(identity, evidence))]
        )
    }

    /// Applies an automatic link from ``IdentityResolver``.
    public static func apply(
        _ link: IdentityLink, to customer: Customer, at date: Date
    ) throws(IdentityError) -> (customer: Customer, events: [CustomerEvent]) {
        try Self.link(
            link.identity, to: customer, evidence: link.evidence, verified: link.verified, by: .system, at: date)
    }

    public static func unlink(
        _ identity: Identity, from customer: Customer, by: Performer, at date: Date
    ) throws(IdentityError) -> (customer: Customer, events: [CustomerEvent]) {
        guard let index = customer.identities.firstIndex(where: { $0.identity == identity }) else {
            throw .identityNotLinked(identity)
        }
        var result = customer
        result.identities.remove(at: index)
        return (result, [CustomerEvent(customerID: customer.id, at: date, by: by, change: .identityUnlinked(identity))])
    }
}
