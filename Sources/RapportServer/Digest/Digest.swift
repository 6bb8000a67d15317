import Foundation
import RapportStore

/// A daily or weekly summary of listening and service, as printed, emailed and posted to the webhook.
public struct Digest: Codable, Sendable {
    public struct Count: Codable, Sendable, Hashable {
        public var name: String
        public var count: Int
    }

    /// Alerts detected in the period.
    public struct AlertLine: Codable, Sendable, Hashable {
        public var id: Int64
        public var kind: String
        public var series: String
        public var detectedAt: Date
        public var status: String
        public var rate: String
    }

    public struct Service: Codable, Sendable, Hashable {
        public var conversations: Int
        public var responded: Int
        public var responseRate: Double?
        public var firstResponseMedianSeconds: Double?
        public var resolutionMedianSeconds: Double?
        public var slaCompliance: Double?
        public var surveys: SurveyScores
    }

    public var period: DigestPeriod
    public var start: Date
    public var end: Date
    /// Mention × rule links in the period, and in the period before (for the change).
    public var volume: Int
    public var previousVolume: Int
    public var sentiment: [Count]
    /// all → relevant → attention → urgent.
    public var funnel: [Count]
    public var topTopics: [Count]
    public var alerts: [AlertLine]
    public var service: Service

    /// Stable JSON (sorted keys, ISO 8601 dates), as signed for the webhook.
    public func json(event: String = "digest") throws -> Data {
        struct Envelope: Encodable {
            var event: String
            var digest: Digest
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(Envelope(event: event, digest: self))
    }
}
