import Foundation
import RapportIngest

/// The figures of one dashboard: what `/dashboard` draws, `/dashboard.csv` lists and
/// `/api/v1/analytics/dashboard` returns. Listening figures come from the hourly rollups; topics, terms and
/// authors from the most recent mentions; service figures from the conversations.
struct Dashboard: Codable, Sendable {
    struct Period: Codable, Sendable {
        var name: String
        var start: Date
        var end: Date
        var granularity: String
    }

    struct Selection: Codable, Sendable {
        var rule: Int64?
        var brand: String?
        var network: String?
    }

    /// One line of a time chart: a value per bucket of `bucketStarts`.
    struct Line: Codable, Sendable {
        var name: String
        var values: [Int]
    }

    struct Count: Codable, Sendable {
        var name: String
        var count: Int
    }

    struct Voice: Codable, Sendable {
        var brand: String
        var competitor: Bool
        var count: Int
        var share: Double
        /// The brand's only rule, when it has one (for drill-down links).
        var ruleID: Int64?
    }

    struct Term: Codable, Sendable {
        var term: String
        var count: Int
        var ratio: Double
    }

    struct Author: Codable, Sendable {
        var network: String
        var handle: String
        var followers: Int
        var influence: Int
        var positive: Int
        var negative: Int
        var mentions: Int
    }

    struct Service: Codable, Sendable {
        var conversations: Int
        var responded: Int
        /// responded / conversations (nil without conversations).
        var responseRate: Double?
        var firstResponseMedianSeconds: Double?
        var firstResponseP90Seconds: Double?
        var resolutionMedianSeconds: Double?
        var resolutionP90Seconds: Double?
        var withSLA: Int
        var slaBreached: Int
        /// Share of conversations with an SLA that met it (nil without any).
        var slaCompliance: Double?
        var backlogByAge: [Count]
        /// Conversations resolved (of those opened in the period).
        var resolved: Int
        /// Per team and per agent, largest first (at most 20 each).
        var byTeam: [ServiceGroup]
        var byAgent: [ServiceGroup]
        /// How the percentiles are computed.
        var percentileMethod =
            "estimated from the rollups' duration bins (30 s … 30 d, each ≤ 1.5× the previous), interpolated inside the bin of the rank"
    }

    /// The service figures of one team or agent.
    struct ServiceGroup: Codable, Sendable {
        var name: String
        /// Nil for conversations without a team (or agent).
        var id: Int64?
        var conversations: Int
        var responded: Int
        var resolved: Int
        var responseRate: Double?
        var firstResponseMedianSeconds: Double?
        var firstResponseP90Seconds: Double?
        var resolutionMedianSeconds: Double?
        var slaCompliance: Double?
    }

    var period: Period
    var selection: Selection
    /// Mention × rule links counted in the period (a mention matching two rules counts in each).
    var total: Int
    var bucketStarts: [Date]
    var volumeByNetwork: [Line]
    var sentiment: [Line]
    var shareOfVoice: [Voice]
    /// all → relevant → attention → urgent.
    var funnel: [Count]
    var languages: [Count]
    /// Mentions the topic and term figures were taken from (the most recent of the period).
    var sampledMentions: Int
    var topTopics: [Count]
    var trendingTerms: [Term]
    var advocates: [Author]
    var detractors: [Author]
    var service: Service
    var experience: Experience
    var alerts: [AlertPayload]
}
