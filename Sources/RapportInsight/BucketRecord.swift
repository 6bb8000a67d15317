/// An influential author's negative post, kept so an amplification alert can name it.
struct InfluencerPost: Sendable, Hashable {
    var followers: Int
    var postID: String?
    var authorID: String?
    var timestamp: Double

    /// What identifies the post among those already reported.
    var identity: String { postID ?? authorID ?? "t\(timestamp)/\(followers)" }
}

/// Counts of one key in one open bucket.
struct BucketTally: Sendable {
    var count = 0
    var negatives = 0
    var amplified = 0
    var influencers: [InfluencerPost] = []
}

/// A closed bucket with what the baseline expected of it, kept for the longest test window.
struct BucketRecord: Sendable {
    var start: Double
    var tally: BucketTally
    var expected: Double
    var dispersion: Double
    var seasonal: Bool
    var negativeShare: Double
    var amplifiedShare: Double
    /// Single-bucket tail probabilities, used to find where an episode started.
    var volumeP: Double
    var negativeP: Double
}

/// The tests of one window (the last `buckets` closed buckets) of one key.
struct WindowTest: Sendable {
    var buckets: Int
    var count: Int
    var expected: Double
    var negatives: Int
    var baselineShare: Double
    var amplified: Int
    var expectedAmplified: Double
    var seasonal: Bool
    var volumeP: Double
    var negativeP: Double
    var amplifiedP: Double

    func p(_ kind: AlertKind) -> Double {
        switch kind {
        case .volumeSpike: volumeP
        case .negativeSurge: negativeP
        case .amplification: amplifiedP
        }
    }
}
