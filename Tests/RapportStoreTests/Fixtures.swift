import Foundation
import RapportAnalysis
import RapportCore
import RapportStore

/// Small builders for posts in storage tests.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_763_600_000)

    static func post(
        _ id: String, network: Network = .x, text: String = "hello @AcmeMobile", author: String = "sam",
        followers: Int = 100, minutes: Double = 0, origin: Origin = .publicStream
    ) -> IncomingPost {
        IncomingPost(
            network: network, externalID: id, url: "https://x.com/\(author)/status/\(id)",
            author: Author(
                network: network, externalID: "u-\(author)", handle: author, displayName: author.capitalized,
                followers: followers),
            text: text, language: "en", createdAt: start.addingTimeInterval(minutes * 60),
            metrics: PostMetrics(likes: 1), origin: origin, hashtags: ["acme"], mentionedHandles: ["AcmeMobile"])
    }

    static func analysis(_ label: Sentiment.Label, level: Level = .relevant, intents: [Intent.Name] = [])
        -> PostAnalysis
    {
        PostAnalysis(
            sentiment: Sentiment(label: label, score: label == .negative ? -0.7 : label == .positive ? 0.6 : 0),
            intents: intents.map { Intent(name: $0, confidence: 0.9) }, language: "en", topics: ["#acme"],
            influence: 40, level: level, reasons: ["test"])
    }

    static func new(_ post: IncomingPost, rules: [Int64] = [1], analysis: PostAnalysis? = nil) -> NewMention {
        NewMention(post: post, matchedRuleIDs: rules, analysis: analysis, source: post.network.rawValue)
    }
}
