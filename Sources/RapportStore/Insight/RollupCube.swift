import Foundation
import RapportInsight

/// One pre-aggregated table pair (hourly and daily) over some of the rollup dimensions.
///
/// Mentions are counted in several cubes rather than one: every chart reads only the dimensions it shows (the
/// full product, × language, made each chart scan 3–5 times the rows it needed; the main cube still 3–12 times).
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
    /// Network alone: volume by network and share of voice (a twelfth of the main cube's rows).
    static let networks = RollupCube(
        hourly: "network_rollups_hourly", daily: "network_rollups_daily", dimensions: [.network])
    /// Network × sentiment: the sentiment trend.
    static let sentiments = RollupCube(
        hourly: "sentiment_rollups_hourly", daily: "sentiment_rollups_daily", dimensions: [.network, .sentiment])
    /// Network × level: the funnel.
    static let levels = RollupCube(
        hourly: "level_rollups_hourly", daily: "level_rollups_daily", dimensions: [.network, .level])
    /// Narrowest first: ``answering(_:)`` takes the first cube that keeps a breakdown, so each chart reads as few
    /// rows as it can (on PostgreSQL, decoding and summing rows is what a dashboard costs).
    static let all = [networks, sentiments, levels, languages, main]

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

