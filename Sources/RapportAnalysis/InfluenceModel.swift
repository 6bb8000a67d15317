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
        let followers = Double(max(0, input.followers ?? 0))
        let reach = 55 * min(1, log10(1 + followers) / 7)
        var ratio = 5.0
        if let following = input.following {
            ratio = 10 * max(0, min(1, log10((1 + followers) / (1 + Double(max(0, following)))) / 3))
        } else if input.followers == nil {
            ratio = 0
        }
        let verified = input.verified ? 10.0 : 0
        let interactions = Double(input.likes + 2 * input.reposts + input.replies + 2 * input.quotes)
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
}
