import Foundation
import RapportDesk

/// A linked identity as the profile shows it.
public struct CustomerIdentity: Sendable, Hashable, Codable {
    public var kind: String
    public var value: String
    public var verified: Bool
    public var evidence: String
    public var linkedAt: Date
}

/// The unified profile: who the customer is across channels, with what the desk knows.
public struct CustomerProfile: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    public var identities: [CustomerIdentity]
    public var facts: [String: FactValue]
    public var tags: [String]
    public var createdAt: Date
    /// Set when this profile was merged into another (it then holds nothing of its own).
    public var mergedInto: Int64?
    /// Every message from and to the customer, across conversations and channels, newest first.
    public var timeline: [ConversationMessage]
    /// Daily mean sentiment score of the customer's own messages (oldest first).
    public var sentimentByDay: [SentimentPoint]
    /// What they may be contacted or quoted for.
    public var consent: ConsentFlags
    /// What they talk about: topics and hashtags of their recent messages, most frequent first.
    public var topics: [TopicCount]
    /// Influence (0–100) of their latest post, and the highest seen.
    public var influence: Int?
    public var peakInfluence: Int?
}

/// A topic and how many of the customer's recent messages carry it.
public struct TopicCount: Sendable, Hashable, Codable {
    public var topic: String
    public var count: Int
}

/// One day's mean sentiment.
public struct SentimentPoint: Sendable, Hashable, Codable {
    public var day: Date
    public var meanScore: Double
    public var messages: Int
}
