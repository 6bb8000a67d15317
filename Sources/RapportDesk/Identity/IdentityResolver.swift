import Foundation

/// What a message from an identity tells about who sent it.
public struct IncomingIdentity: Hashable, Sendable {
    public var identity: Identity
    public var displayName: String?
    /// Emails the network or a sign-in verified for this account (web-chat login, Facebook).
    public var verifiedEmails: [String]
    /// The message text, searched for handles the sender names.
    public var text: String?

    public init(identity: Identity, displayName: String? = nil, verifiedEmails: [String] = [], text: String? = nil) {
        self.identity = identity
        self.displayName = displayName
        self.verifiedEmails = verifiedEmails.map { Identity(.email, $0).value }
        self.text = text
    }
}

/// An identity to link to a customer, with its evidence.
public struct IdentityLink: Hashable, Sendable {
    public var identity: Identity
    public var customer: CustomerID
    public var evidence: LinkEvidence
    public var verified: Bool
}

/// Two customers strong evidence says are one person: merge `source` into `target`.
public struct AutomaticMerge: Hashable, Sendable {
    public var source: CustomerID
    public var target: CustomerID
    public var evidence: LinkEvidence
}

/// Who the sender is and what else the message proves.
public struct IdentityResolution: Hashable, Sendable {
    public enum Sender: Hashable, Sendable {
        /// The identity is already linked to this customer.
        case known(CustomerID)
        /// New identity, linked to an existing customer by strong evidence (see `links`).
        case linked(CustomerID)
        /// Nobody known: create a customer with the identity (evidence ``LinkEvidence/firstContact``).
        case newCustomer
    }

    public var sender: Sender
    /// Identities to link. `customer` is the sender's; for ``Sender/newCustomer`` it is a
    /// placeholder (0) to replace with the new customer's id.
    public var links: [IdentityLink]
    /// Customers to merge (into the sender's).
    public var merges: [AutomaticMerge]
    /// Weak evidence, for an agent to confirm.
    public var suggestions: [MergeSuggestion]
}

/// Automatic identity resolution for one incoming message. Strong evidence links or merges by
/// itself: the same verified email, or a handle the sender names with a network cue ("I also tweeted
/// you as @danaw"). A handle named without a cue only yields a suggestion.
public enum IdentityResolver {
    public static func resolve(_ incoming: IncomingIdentity, directory: some CustomerDirectory) -> IdentityResolution {
        var sender: IdentityResolution.Sender = .newCustomer
        var senderID: CustomerID?
        var links: [IdentityLink] = []
        var merges: [AutomaticMerge] = []
        var suggestions: [MergeSuggestion] = []

        if let owner = directory.customer(owning: incoming.identity) {
            sender = .known(owner.id)
            senderID = owner.id
        } else {
            // Same verified email: the owner of that email, if they verified it too.
            for email in incoming.verifiedEmails {
                let identity = Identity(.email, email)
                if let owner = directory.customer(owning: identity), owner.verifiedEmails.contains(identity.value) {
                    sender = .linked(owner.id)
                    senderID = owner.id
                    links.append(
                        IdentityLink(
                            identity: incoming.identity, customer: owner.id,
                            evidence: .sameVerifiedEmail(identity.value),
                            verified: false))
                    break
                }
            }
        }

        for named in NamedHandleExtractor.extract(from: incoming.text ?? "") {
            guard let identity = named.identity else {
                suggestions += ambiguous(named, sender: senderID, directory: directory)
                continue
            }
            guard identity != incoming.identity else { continue }
            let evidence = LinkEvidence.namedInMessage(by: incoming.identity, excerpt: named.excerpt)
            switch (directory.customer(owning: identity), senderID) {
            case (let owner?, nil):
                // The named account is known and the sender is not: the sender is that customer.
                sender = .linked(owner.id)
                senderID = owner.id
                links.append(
                    IdentityLink(identity: incoming.identity, customer: owner.id, evidence: evidence, verified: false))
            case (let owner?, let id?) where owner.id != id:
                if !merges.contains(where: { $0.source == owner.id }) {
                    merges.append(AutomaticMerge(source: owner.id, target: id, evidence: evidence))
                }
            case (nil, _):
                links.append(
                    IdentityLink(identity: identity, customer: senderID ?? 0, evidence: evidence, verified: false))
            default:
                break  // Already the sender's.
            }
        }
        // Links made before the sender was known point at the placeholder; aim them at the sender.
        if let senderID {
            links = links.map {
                var link = $0; link.customer = senderID; return link
            }
        }
        return IdentityResolution(sender: sender, links: links, merges: merges, suggestions: suggestions)
    }

    /// A handle named without a network cue: suggest every customer holding that handle anywhere.
    private static func ambiguous(
        _ named: NamedHandle, sender: CustomerID?, directory: some CustomerDirectory
    ) -> [MergeSuggestion] {
        guard let sender else { return [] }
        var result: [MergeSuggestion] = []
        for kind in Identity.Kind.allCases where kind.isHandle {
            let identity = Identity(kind, named.handle)
            guard let owner = directory.customer(owning: identity), owner.id != sender,
                !result.contains(where: { $0.candidate == owner.id })
            else { continue }
            result.append(
                MergeSuggestion(
                    customer: sender, candidate: owner.id, score: 0.6,
                    reasons: [.handleNamedWithoutNetwork(handle: named.handle, excerpt: named.excerpt)]))
        }
        return result
    }
}
