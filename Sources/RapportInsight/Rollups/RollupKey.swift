import Foundation

/// The dimensions of an hourly rollup row: mentions counted per UTC hour, brand, listening rule, network,
/// sentiment label, level and language. Strings keep this module free of the domain model; the caller passes ids and
/// raw values (e.g. `Network.rawValue`, `SentimentLabel.rawValue`).
public struct RollupKey: Sendable, Hashable, Codable, Comparable {
    /// Start of the UTC hour (see `hourBucketStart(_:)`).
    public var hourStart: Date
    /// Brand id or name ("" when none).
    public var brand: String
    /// Listening rule id ("" when none).
    public var ruleID: String
    /// Network ("twitter", "reddit"…).
    public var network: String
    /// Sentiment label ("positive", "neutral", "negative"…).
    public var sentiment: String
    /// Triage level ("relevant", "attention", "urgent"…).
    public var level: String
    /// Language code ("en", "fr"…; "" when unknown).
    public var language: String

    /// Creates a key; `timestamp` is bucketed to its UTC hour.
    public init(
        timestamp: Date, brand: String = "", ruleID: String = "", network: String = "", sentiment: String = "",
        level: String = "", language: String = ""
    ) {
        self.hourStart = hourBucketStart(timestamp)
        self.brand = brand
        self.ruleID = ruleID
        self.network = network
        self.sentiment = sentiment
        self.level = level
        self.language = language
    }

    /// The value of one dimension.
    public func value(of dimension: RollupDimension) -> String {
        switch dimension {
        case .brand: brand
        case .rule: ruleID
        case .network: network
        case .sentiment: sentiment
        case .level: level
        case .language: language
        }
    }

    /// Sets the value of one dimension.
    public mutating func set(_ dimension: RollupDimension, _ value: String) {
        switch dimension {
        case .brand: brand = value
        case .rule: ruleID = value
        case .network: network = value
        case .sentiment: sentiment = value
        case .level: level = value
        case .language: language = value
        }
    }

    /// Orders by hour, then brand, rule, network, sentiment, level and language.
    public static func < (lhs: RollupKey, rhs: RollupKey) -> Bool {
        (lhs.hourStart, lhs.brand, lhs.ruleID, lhs.network, lhs.sentiment, lhs.level)
            < (rhs.hourStart, rhs.brand, rhs.ruleID, rhs.network, rhs.sentiment, rhs.level)
            || ((lhs.hourStart, lhs.brand, lhs.ruleID, lhs.network, lhs.sentiment, lhs.level)
                == (rhs.hourStart, rhs.brand, rhs.ruleID, rhs.network, rhs.sentiment, rhs.level)
                && lhs.language < rhs.language)
    }
}

/// A non-time dimension of `RollupKey`, to split or total counts by.
public enum RollupDimension: String, Sendable, Hashable, Codable, CaseIterable {
    case brand
    case rule
    case network
    case sentiment
    case level
    case language
}
