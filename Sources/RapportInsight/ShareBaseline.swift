import Foundation

/// An exponentially forgetting proportion (negative share, amplified share) with a prior, so that a new key
/// starts from a sensible value instead of 0/0.
struct ShareBaseline: Sendable {
    private var hits: Double = 0
    private var total: Double = 0
    private let priorShare: Double
    private let priorWeight: Double
    /// Per-bucket forgetting factor 2^(−bucket / half-life).
    private let decay: Double

    init(priorShare: Double, priorWeight: Double, bucketSeconds: Double, halfLifeHours: Double) {
        self.priorShare = priorShare
        self.priorWeight = priorWeight
        decay = pow(2, -bucketSeconds / (halfLifeHours * 3600))
    }

    /// The current estimate.
    var share: Double { (hits + priorShare * priorWeight) / (total + priorWeight) }

    /// Forgets a bucket's worth and adds `hits` out of `count`.
    mutating func learn(hits newHits: Double, of count: Double) {
        hits = hits * decay + newHits
        total = total * decay + count
    }
}
