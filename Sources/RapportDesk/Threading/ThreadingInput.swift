import RapportCore

/// The threading facts of one incoming message, as connectors normalise them.
public struct ThreadingInput: Hashable, Sendable {
    public var network: Network
    public var kind: MentionKind
    public var externalID: String
    /// Parent message id (reply to, email In-Reply-To).
    public var inReplyToID: String?
    /// Thread root / conversation id the network gives (X conversation_id, Bluesky root,
    /// Reddit link id, Meta post or media id, first email References id, DM sender, chat session).
    public var threadID: String?
    /// Email `References`, oldest first (all of them, when the caller has the full header).
    public var references: [String]
    /// The author's network id: names the DM thread when the network gives no thread id.
    public var authorExternalID: String
    /// The sender's customer, when identity resolution ran first. On public threads a message only
    /// joins the same customer's conversation: two people replying under one post are two conversations.
    public var customerID: CustomerID?

    public init(
        network: Network, kind: MentionKind, externalID: String, inReplyToID: String? = nil,
        threadID: String? = nil, references: [String] = [], authorExternalID: String, customerID: CustomerID? = nil
    ) {
        self.customerID = customerID
        self.network = network
        self.kind = kind
        self.externalID = externalID
        self.inReplyToID = inReplyToID
        self.threadID = threadID
        self.references = references
        self.authorExternalID = authorExternalID
    }

    /// From a normalised post; `references` adds the full email References chain when known.
    public init(post: IncomingPost, references: [String] = [], customerID: CustomerID? = nil) {
        self.init(
            network: post.network, kind: post.kind, externalID: post.externalID, inReplyToID: post.inReplyToID,
            threadID: post.threadID, references: references, authorExternalID: post.author.externalID,
            customerID: customerID)
    }

    public var channelKind: ChannelKind { ChannelKind(network: network, kind: kind) }
}
