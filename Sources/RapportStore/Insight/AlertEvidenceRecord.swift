import Foundation
import RapportInsight

/// The figures behind an alert, as stored (JSON) and served: the detector's test plus what the store knows
/// about the posts of the episode (top posts and authors, trending terms).
public struct AlertEvidenceRecord: Sendable, Hashable, Codable {
    /// A notable post of the episode.
    public struct Post: Sendable, Hashable, Codable {
        public var mentionID: Int64?
        public var network: String
        public var externalID: String
        public var url: String?
        public var author: String
        public var followers: Int
        public var text: String
        public var engagement: Int

        public init(
            mentionID: Int64?, network: String, externalID: String, url: String?, author: String, followers: Int,
            text: String, engagement: Int
        ) {
            self.mentionID = mentionID
            self.network = network
            self.externalID = externalID
            self.url = url
            self.author = author
            self.followers = followers
            self.text = text
            self.engagement = engagement
        }
    }

    /// A notable author of the episode.
    public struct Author: Sendable, Hashable, Codable {
        public var network: String
        public var handle: String
        public var followers: Int
        public var posts: Int

        public init(network: String, handle: String, followers: Int, posts: Int) {
            self.network = network
            self.handle = handle
            self.followers = followers
            self.posts = posts
        }
    }

    public var windowSeconds: Double
    public var observedCount: Int
    public var expectedCount: Double
    /// Posts per hour in the window that fired.
    public var observedRate: Double
    /// Baseline posts per hour for that window.
    public var expectedRate: Double
    public var negativeCount: Int
    public var negativeShare: Double
    public var baselineNegativeShare: Double
    public var amplifiedCount: Int
    public var expectedAmplifiedCount: Double
    public var pValue: Double
    public var threshold: Double
    public var seasonalBaseline: Bool
    public var peakRatio: Double
    public var influencerFollowers: Int?
    public var topPosts: [Post]
    public var topAuthors: [Author]
    public var trendingTerms: [String]

    /// The detector's figures, with the posts, authors and terms the caller found.
    public init(_ e: AlertEvidence, topPosts: [Post] = [], topAuthors: [Author] = [], trendingTerms: [String] = []) {
        windowSeconds = e.windowSeconds
        observedCount = e.observedCount
        expectedCount = Self.finite(e.expectedCount)
        observedRate = Self.finite(e.observedRate)
        expectedRate = Self.finite(e.expectedRate)
        negativeCount = e.negativeCount
        negativeShare = Self.finite(e.negativeShare)
        baselineNegativeShare = Self.finite(e.baselineNegativeShare)
        amplifiedCount = e.amplifiedCount
        expectedAmplifiedCount = Self.finite(e.expectedAmplifiedCount)
        pValue = Self.finite(e.pValue)
        threshold = Self.finite(e.threshold)
        seasonalBaseline = e.seasonalBaseline
        peakRatio = Self.finite(e.peakRatio)
        influencerFollowers = e.influencerFollowers
        self.topPosts = topPosts
        self.topAuthors = topAuthors
        self.trendingTerms = trendingTerms
    }

    /// JSON cannot carry NaN or infinities (a ratio over an expectation of 0).
    private static func finite(_ x: Double) -> Double { x.isFinite ? x : (x > 0 ? Double.greatestFiniteMagnitude : 0) }
}
