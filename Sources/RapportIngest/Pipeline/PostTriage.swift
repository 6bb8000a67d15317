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

    /// Kept posts ready to store, and how many public posts matched no rule.
    public func triage(_ posts: [IncomingPost], source: String, now: Date = Date()) -> (
        kept: [NewMention], filtered: Int
    ) {
        var kept: [NewMention] = []
        kept.reserveCapacity(posts.count)
        var filtered = 0
        for post in posts {
            let rules = matcher.matchingRuleIDs(for: post)
            guard post.origin == .owned || !rules.isEmpty else {
                filtered += 1
                continue
            }
            let analysis = analyzer.analyze(Self.analysisInput(post, now: now))
            kept.append(NewMention(post: post, matchedRuleIDs: rules, analysis: analysis, source: source))
        }
        return (kept, filtered)
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
