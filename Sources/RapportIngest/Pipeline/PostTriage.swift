import Foundation
import RapportAnalysis
import RapportCore
import RapportStore

/// The first cut of the fire hose, pure: match rules, keep what reaches the brand's own
/// channels or matches a rule, analyse what is kept. No I/O.
public struct PostTriage: Sendable {
    public let matcher: RuleMatcher
    public let analyzer: Analyzer

    public init(matcher: RuleMatcher, analyzer: Analyzer) {
        self.matcher = matcher
        self.analyzer = analyzer
    }

    /// A post that passed the cut, with the rules it matched.
    public struct Candidate: Sendable {
        public var post: IncomingPost
        public var ruleIDs: [Int64]
    }

    /// Keeps posts to owned channels and public posts matching a rule; counts the rest.
    public func select(_ posts: [IncomingPost]) -> (kept: [Candidate], filtered: Int) {
        var kept: [Candidate] = []
        kept.reserveCapacity(posts.count)
        var filtered = 0
        for post in posts {
            let rules = matcher.matchingRuleIDs(for: post)
            if post.origin == .owned || !rules.isEmpty {
                kept.append(Candidate(post: post, ruleIDs: rules))
            } else {
                filtered += 1
            }
        }
        return (kept, filtered)
    }

    /// Analyses kept posts.
    /// - Parameter histories: what Rapport knows of the authors, by ``Author/storeKey``.
    public func analyze(
        _ candidates: [Candidate], source: String, histories: [MentionKey: AuthorHistory] = [:], now: Date = Date()
    ) -> [NewMention] {
        candidates.map { candidate in
            var input = Self.analysisInput(candidate.post, now: now)
            input.history = histories[candidate.post.author.storeKey]
            return NewMention(
                post: candidate.post, matchedRuleIDs: candidate.ruleIDs, analysis: analyzer.analyze(input),
                source: source)
        }
    }

    /// ``select(_:)`` then ``analyze(_:source:histories:now:)`` without author history.
    public func triage(_ posts: [IncomingPost], source: String, now: Date = Date()) -> (
        kept: [NewMention], filtered: Int
    ) {
        let (candidates, filtered) = select(posts)
        return (analyze(candidates, source: source, now: now), filtered)
    }

    public static func analysisInput(_ post: IncomingPost, now: Date) -> AnalysisInput {
        let age = now.timeIntervalSince(post.createdAt) / 60
        return AnalysisInput(
            text: post.title.map { "\($0). \(post.text)" } ?? post.text, language: post.language,
            network: post.network.rawValue, followers: post.author.followers, following: post.author.following,
            verified: post.author.verified, likes: post.metrics.likes, reposts: post.metrics.reposts,
            replies: post.metrics.replies, quotes: post.metrics.quotes, ageMinutes: age >= 0 ? age : nil)
    }
}
