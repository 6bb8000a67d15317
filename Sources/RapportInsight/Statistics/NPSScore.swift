/// Which side of the Net Promoter scale a 0–10 answer falls on.
public enum NPSCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// 9–10.
    case promoter
    /// 7–8.
    case passive
    /// 0–6.
    case detractor

    /// The category of a 0–10 answer; nil outside 0...10.
    public init?(score: Int) {
        switch score {
        case 9...10: self = .promoter
        case 7...8: self = .passive
        case 0...6: self = .detractor
        default: return nil
        }
    }
}

/// Net Promoter Score: % promoters (9–10) − % detractors (0–6), from −100 to 100.
///
/// The margin of error uses the variance of a difference of two multinomial shares,
/// Var = (p_P + p_D − (p_P − p_D)²) / n, with the normal approximation (fine from about 30 answers; below
/// that read it as indicative only).
public struct NPSScore: Sendable, Hashable, Codable {
    /// Answers of 9–10.
    public let promoters: Int
    /// Answers of 7–8.
    public let passives: Int
    /// Answers of 0–6.
    public let detractors: Int
    /// Answers outside 0...10, left out.
    public let invalid: Int

    /// Counts the answers; values outside 0...10 are counted in `invalid` and otherwise ignored.
    public init<Scores: Sequence<Int>>(scores: Scores) {
        var counts: [NPSCategory: Int] = [:]
        var invalid = 0
        for score in scores {
            if let category = NPSCategory(score: score) { counts[category, default: 0] += 1 } else { invalid += 1 }
        }
        self.init(
            promoters: counts[.promoter] ?? 0, passives: counts[.passive] ?? 0,
            detractors: counts[.detractor] ?? 0, invalid: invalid)
    }

    /// Creates a score from counts (e.g. summed in SQL).
    public init(promoters: Int, passives: Int, detractors: Int, invalid: Int = 0) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        self.invalid = invalid
    }

    /// Valid answers.
    public var total: Int { promoters + passives + detractors }

    /// NPS in −100...100; nil when there is no valid answer.
    public var score: Double? {
        guard total > 0 else { return nil }
        return 100 * Double(promoters - detractors) / Double(total)
    }

    /// Half-width of the 95 % confidence interval of `score`, in NPS points (normal approximation);
    /// nil with fewer than two answers.
    public var marginOfError95: Double? {
        guard total > 1 else { return nil }
        let n = Double(total)
        let pp = Double(promoters) / n
        let pd = Double(detractors) / n
        let variance = (pp + pd - (pp - pd) * (pp - pd)) / n
        return 100 * NormalDistribution.quantile(0.975) * max(0, variance).squareRoot()
    }

    /// Adds two tallies (e.g. two days).
    public static func + (lhs: NPSScore, rhs: NPSScore) -> NPSScore {
        NPSScore(
            promoters: lhs.promoters + rhs.promoters, passives: lhs.passives + rhs.passives,
            detractors: lhs.detractors + rhs.detractors, invalid: lhs.invalid + rhs.invalid)
    }
}
