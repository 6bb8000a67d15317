import Foundation
import RapportInsight

/// One pre-aggregated table pair (hourly and daily) over some of the rollup dimensions.
///
/// Mentions are counted in two cubes rather than one: every chart reads only the dimensions it shows, and
/// the full product (× language) made each chart scan 3–5 times the rows it needed.
struct RollupCube: Sendable, Hashable {
    var hourly: String
    var daily: String
    /// The dimensions kept besides the hour and the rule.
    var dimensions: [RollupDimension]

    /// Network × sentiment × level: volume, sentiment, the funnel, share of voice.
    static let main = RollupCube(
        hourly: "rollups_hourly", daily: "rollups_daily", dimensions: [.network, .sentiment, .level])
    /// Network × language: the language mix.
    static let languages = RollupCube(
        hourly: "language_rollups_hourly", daily: "language_rollups_daily", dimensions: [.network, .language])
    static let all = [main, languages]

    /// The cube that can answer a breakdown by `wanted` (brand and rule are in both), or nil.
    static func answering(_ wanted: [RollupDimension]) -> RollupCube? {
        all.first { cube in
            wanted.allSatisfy { $0 == .brand || $0 == .rule || cube.dimensions.contains($0) }
        }
    }

    var keyColumns: [String] { ["hour_ms", "rule_id"] + dimensions.map(\.rawValue) }

    /// `key` with the dimensions this cube does not keep blanked.
    func project(_ key: RollupKey) -> RollupKey {
        var projected = RollupKey(timestamp: key.hourStart, ruleID: key.ruleID)
        for dimension in dimensions {
            switch dimension {
            case .network: projected.network = key.network
            case .sentiment: projected.sentiment = key.sentiment
            case .level: projected.level = key.level
            case .language: projected.language = key.language
            case .brand, .rule: break
            }
        }
        return projected
    }
}
