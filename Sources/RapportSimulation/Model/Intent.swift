/// Why the simulated author wrote the post: the label a classifier should recover.
public enum Intent: String, Sendable, CaseIterable, Hashable {
    /// Something went wrong: outage, billing, delivery, refund, rude support.
    case complaint
    /// A question or a request for help.
    case question
    /// Thanks and compliments.
    case praise
    /// About to buy, or asking how to.
    case purchaseIntent
    /// Threatens to leave, or names the competitor they move to.
    case churnThreat
    /// Brand-related but not worth an agent: giveaways, job ads, spam.
    case noise
    /// Matches no brand at all, or uses the brand word in another sense (the Road Runner's "Acme").
    case offTopic

    /// The sentiment a correct analysis should find for this intent.
    public var expectedSentiment: ExpectedSentiment {
        switch self {
        case .complaint, .churnThreat: .negative
        case .praise, .purchaseIntent: .positive
        case .question, .noise, .offTopic: .neutral
        }
    }
}

/// Coarse sentiment label carried as ground truth.
public enum ExpectedSentiment: String, Sendable, CaseIterable, Hashable {
    case negative
    case neutral
    case positive
}
