/// Customer satisfaction on a 1–5 scale: the share of satisfied answers (4 or 5) and the average rating.
public struct CSATScore: Sendable, Hashable, Codable {
    /// Answers per rating: `distribution[0]` counts 1s, …, `distribution[4]` counts 5s.
    public let distribution: [Int]
    /// Answers outside 1...5, left out.
    public let invalid: Int

    /// Counts the ratings; values outside 1...5 are counted in `invalid` and otherwise ignored.
    public init<Ratings: Sequence<Int>>(ratings: Ratings) {
        var distribution = [Int](repeating: 0, count: 5)
        var invalid = 0
        for rating in ratings {
            if (1...5).contains(rating) { distribution[rating - 1] += 1 } else { invalid += 1 }
        }
        self.distribution = distribution
        self.invalid = invalid
    }

    /// Creates a score from counts per rating (index 0 = rating 1); missing entries count as 0, extra ones are
    /// ignored.
    public init(distribution: [Int], invalid: Int = 0) {
        self.distribution = (0..<5).map { $0 < distribution.count ? max(0, distribution[$0]) : 0 }
        self.invalid = invalid
    }

    /// Valid answers.
    public var total: Int { distribution.reduce(0, +) }
    /// Answers of 4 or 5.
    public var satisfied: Int { distribution[3] + distribution[4] }

    /// CSAT in percent (0...100): satisfied / total × 100; nil without answers.
    public var score: Double? {
        guard total > 0 else { return nil }
        return 100 * Double(satisfied) / Double(total)
    }

    /// Mean rating (1...5); nil without answers.
    public var average: Double? {
        guard total > 0 else { return nil }
        let sum = distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return Double(sum) / Double(total)
    }

    /// Adds two tallies.
    public static func + (lhs: CSATScore, rhs: CSATScore) -> CSATScore {
        CSATScore(
            distribution: zip(lhs.distribution, rhs.distribution).map(+), invalid: lhs.invalid + rhs.invalid)
    }
}
