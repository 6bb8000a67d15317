import RapportAnalysis
import RapportCore

/// A post that passed the listening cut, ready to be stored.
public struct NewMention: Sendable {
    public var post: IncomingPost
    public var matchedRuleIDs: [Int64]
    public var analysis: PostAnalysis?
    /// The source it came through (`x`, `meta`, …), for the per-source counters.
    public var source: String

    public init(post: IncomingPost, matchedRuleIDs: [Int64], analysis: PostAnalysis?, source: String) {
        self.post = post
        self.source = source
        self.matchedRuleIDs = matchedRuleIDs
        self.analysis = analysis
    }

    public var key: MentionKey { MentionKey(network: post.network.rawValue, externalID: post.externalID) }
}

/// The idempotency key of a mention (and, with author ids, of an author).
public struct MentionKey: Hashable, Sendable {
    public let network: String
    public let externalID: String

    public init(network: String, externalID: String) {
        self.network = network
        self.externalID = externalID
    }
}

extension Mention {
    /// The idempotency key of a stored mention.
    public var key: MentionKey { MentionKey(network: post.network.rawValue, externalID: post.externalID) }
}

extension Author {
    /// The author's identity on its network, as the store keys it.
    public var storeKey: MentionKey { MentionKey(network: network.rawValue, externalID: externalID) }
}
