import Foundation
import RapportCore
import RapportStore

/// An alert as the API, the live stream and the outbound webhook show it.
public struct AlertPayload: Codable, Sendable, Hashable {
    /// The listening rule an alert is about.
    public struct Rule: Codable, Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var brand: String
    }

    public var id: Int64
    public var kind: String
    public var rule: Rule?
    public var topic: String?
    public var startedAt: Date
    public var detectedAt: Date
    public var updatedAt: Date
    public var endedAt: Date?
    public var episode: String
    public var status: String
    public var assigneeId: Int64?
    public var evidence: AlertEvidenceRecord
    /// For webhook deliveries: what just happened (`opened`, `updated`, `closed`); nil in listings.
    public var event: String?

    /// The payload of `alert`, naming its rule from `rules` (by id).
    public init(_ alert: StoredAlert, rules: [Int64: ListeningRule], event: String? = nil) {
        id = alert.id
        kind = alert.kind
        rule = alert.ruleID.map { id in
            Rule(id: id, name: rules[id]?.name ?? "rule \(id)", brand: rules[id]?.brand ?? "")
        }
        topic = alert.topic
        startedAt = alert.startedAt
        detectedAt = alert.detectedAt
        updatedAt = alert.updatedAt
        endedAt = alert.endedAt
        episode = alert.episode
        status = alert.status.rawValue
        assigneeId = alert.assigneeID
        evidence = alert.evidence
        self.event = event
    }

    /// Stable JSON (sorted keys, ISO 8601 dates), as signed for the webhook.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
