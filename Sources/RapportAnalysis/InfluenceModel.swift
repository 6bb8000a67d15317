import Foundation

/// Author influence on a 0–100 scale.
///
/// ```
/// reach      = 55 × min(1, log10(1 + followers) / 7)          // 10M followers → 55
/// ratio      = 10 × clamp(log10((1 + followers) / (1 + following)) / 3, 0, 1)
///                                                              // 1000:1 → 10; unknown following → 5
/// verified   = 10 if verified
/// engagement = 15 × min(1, log10(1 + likes + 2·reposts + replies + 2·quotes) / 4)
/// history    = 10 × min(1, log10(1 + mentions) / 2) × (0.5 + 0.5 × min(1, averageEngagement / 50))
/// influence  = round(clamp(reach + ratio + verified + engagement + history, 0, 100))
/// ```
/// Logarithms because reach is multiplicative: 1k → 10k matters as much as 100k → 1M.
/// Reposts and quotes count double: they put the post in front of new audiences.
public enum InfluenceModel {
    public static func score(_ input: AnalysisInput) -> Int {
        let interactions =
            Double(input.likes) + 2 * Double(input.reposts) + Double(input.replies) + 2 * Double(input.quotes)
        // A post with only a follower count (nothing else known yet, as for most fresh posts)
        // takes its score from a table made with this very formula (`Reach`), without `log10`.
        if input.following == nil && input.history == nil && interactions == 0 {
            let followers = max(0, input.followers ?? 0)
            if followers < Reach.limit {
                if input.followers == nil { return input.verified ? 10 : 0 }
                return Reach.table.score(followers: followers, verified: input.verified)
            }
        }
        return formula(input)
    }

    /// The formula above, computed.
    static func formula(_ input: AnalysisInput) -> Int {
        let followers = Double(max(0, input.followers ?? 0))
        let reach = 55 * min(1, log10(1 + followers) / 7)
        var ratio = 5.0
        if let following = input.following {
            ratio = 10 * max(0, min(1, log10((1 + followers) / (1 + Double(max(0, following)))) / 3))
        } else if input.followers == nil {
            ratio = 0
        }
        let verified = input.verified ? 10.0 : 0
        let interactions =
            Double(input.likes) + 2 * Double(input.reposts) + Double(input.replies) + 2 * Double(input.quotes)
        // log10(1) is 0: most posts are read before anyone engages with them.
        let engagement = interactions > 0 ? 15 * min(1, log10(1 + interactions) / 4) : 0
        var history = 0.0
        if let h = input.history {
            history =
                10 * min(1, log10(1 + Double(max(0, h.mentionCount))) / 2)
                * (0.5 + 0.5 * min(1, max(0, h.averageEngagement) / 50))
        }
        return Int(max(0, min(100, reach + ratio + verified + engagement + history)).roundedHalfAway)
    }

    /// The score of a post with a follower count below `limit` and nothing else but `verified`
    /// (no following, engagement or history): `formula` is then a non-decreasing step function of
    /// the count, so it is stored as the counts where it steps up, found once per process by
    /// bisection over `formula` itself. `InfluenceTests` compares it with `formula` for every
    /// count below `limit`, verified or not.
    struct Reach: @unchecked Sendable {
        static let limit = 10_000_000
        static let table = Reach()

        /// Per `verified` (64 entries each): the first count of each step, ascending, padded with
        /// `Int.max` so the search has a fixed number of halvings; then, from entry 128, the score
        /// from that count on (a step may rise by more than one: 0 followers → 5, 1 → 7).
        private let base: (Int, Int)
        private let steps: UnsafeMutablePointer<Int>

        private init() {
            steps = .allocate(capacity: 256)
            steps.initialize(repeating: .max, count: 256)
            func score(_ followers: Int, _ verified: Bool) -> Int {
                formula(AnalysisInput(text: "", followers: followers, verified: verified))
            }
            var base = (0, 0)
            for v in 0..<2 {
                let verified = v == 1
                let first = score(0, verified)
                if verified { base.1 = first } else { base.0 = first }
                var n = 0
                var low = 0
                var current = first
                let last = score(Self.limit - 1, verified)
                while current < last {
                    // The first count in (low, limit) whose score is above `current`.
                    var lo = low
                    var hi = Self.limit - 1
                    while hi - lo > 1 {
                        let mid = lo + (hi - lo) / 2
                        if score(mid, verified) > current { hi = mid } else { lo = mid }
                    }
                    precondition(n < 64, "more than 64 influence steps")
                    current = score(hi, verified)
                    steps[v * 64 + n] = hi
                    steps[128 + v * 64 + n] = current
                    n += 1
                    low = hi
                }
            }
            self.base = base
        }

        /// `formula` for a post with only `followers` (0 ≤ followers < `limit`) and `verified`.
        @inline(__always) func score(followers: Int, verified: Bool) -> Int {
            let row = steps + (verified ? 64 : 0)
            let i = countAtOrBelow(row, followers)
            return i == 0 ? (verified ? base.1 : base.0) : row[128 + i - 1]
        }
    }
}
