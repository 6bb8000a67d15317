import Foundation

/// The numbers behind an alert, so that a person can judge it without re-running anything.
///
/// Counts are over the test window that fired (`windowSeconds`, one to a few buckets); rates are per hour.
/// `topPostIDs`, `topAuthorIDs` and `trendingTerms` are left for the caller to fill from its store, except
/// for amplification alerts, where the detector records the influential authors' posts it saw.
public struct AlertEvidence: Sendable, Hashable {
    /// Length of the window whose test fired, in seconds.
    public var windowSeconds: Double
    /// Posts observed in that window.
    public var observedCount: Int
    /// Posts the baseline expected in that window.
    public var expectedCount: Double
    /// Observed posts per hour in the window.
    public var observedRate: Double
    /// Baseline posts per hour in the window.
    public var expectedRate: Double
    /// Negative posts in the window.
    public var negativeCount: Int
    /// Share of negative posts in the window (0 when the window is empty).
    public var negativeShare: Double
    /// The key's baseline share of negative posts.
    public var baselineNegativeShare: Double
    /// Heavily shared negative posts in the window (reposts + replies ≥ the configured threshold).
    public var amplifiedCount: Int
    /// Heavily shared negative posts the baseline expected, given the window's volume.
    public var expectedAmplifiedCount: Double
    /// Tail probability of the test that fired (for an influencer-triggered amplification alert, that of the
    /// surge it joined).
    public var pValue: Double
    /// The per-test threshold the p-value was compared with (from the false-alarm budget).
    public var threshold: Double
    /// True when the expected count came from the seasonal profile; false while the key was still warming up
    /// and the fallback level was used.
    public var seasonalBaseline: Bool
    /// The highest single-bucket ratio of observed to expected during the episode so far: posts for a volume
    /// spike, negative posts for a negative surge (and amplification).
    public var peakRatio: Double
    /// The largest follower count among influential authors who posted negatively during the episode.
    public var influencerFollowers: Int?
    /// Ids of notable posts (influential authors' posts for amplification; the caller may add more).
    public var topPostIDs: [String]
    /// Ids of notable authors (influential authors for amplification; the caller may add more).
    public var topAuthorIDs: [String]
    /// Trending terms, for the caller to fill (e.g. from `TrendingTerms` over the episode's posts).
    public var trendingTerms: [String]

    /// Creates evidence.
    public init(
        windowSeconds: Double, observedCount: Int, expectedCount: Double, observedRate: Double,
        expectedRate: Double, negativeCount: Int, negativeShare: Double, baselineNegativeShare: Double,
        amplifiedCount: Int = 0, expectedAmplifiedCount: Double = 0, pValue: Double, threshold: Double,
        seasonalBaseline: Bool, peakRatio: Double, influencerFollowers: Int? = nil, topPostIDs: [String] = [],
        topAuthorIDs: [String] = [], trendingTerms: [String] = []
    ) {
        self.windowSeconds = windowSeconds
        self.observedCount = observedCount
        self.expectedCount = expectedCount
        self.observedRate = observedRate
        self.expectedRate = expectedRate
        self.negativeCount = negativeCount
        self.negativeShare = negativeShare
        self.baselineNegativeShare = baselineNegativeShare
        self.amplifiedCount = amplifiedCount
        self.expectedAmplifiedCount = expectedAmplifiedCount
        self.pValue = pValue
        self.threshold = threshold
        self.seasonalBaseline = seasonalBaseline
        self.peakRatio = peakRatio
        self.influencerFollowers = influencerFollowers
        self.topPostIDs = topPostIDs
        self.topAuthorIDs = topAuthorIDs
        self.trendingTerms = trendingTerms
    }
}
