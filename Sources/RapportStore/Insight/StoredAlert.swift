import Foundation

/// A crisis alert as stored and served: the detector's episode plus the team's handling of it.
public struct StoredAlert: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// The detector's stable id (`kind:key:startedAt`): a replay finds the same row.
    public var detectorID: String
    /// `volume_spike`, `negative_surge` or `amplification`.
    public var kind: String
    /// The monitored series (`rule:3`, `topic:outage`).
    public var seriesKey: String
    /// The listening rule, for a rule series.
    public var ruleID: Int64?
    /// The topic, for a topic series.
    public var topic: String?
    public var startedAt: Date
    public var detectedAt: Date
    public var updatedAt: Date
    /// End of the episode, once the detector closed it.
    public var endedAt: Date?
    /// The detector's view: `open` while abnormal, `closed` once back to normal.
    public var episode: String
    public var status: AlertState
    public var assigneeID: Int64?
    public var evidence: AlertEvidenceRecord

    public init(
        id: Int64, detectorID: String, kind: String, seriesKey: String, ruleID: Int64?, topic: String?,
        startedAt: Date, detectedAt: Date, updatedAt: Date, endedAt: Date?, episode: String, status: AlertState,
        assigneeID: Int64?, evidence: AlertEvidenceRecord
    ) {
        self.id = id
        self.detectorID = detectorID
        self.kind = kind
        self.seriesKey = seriesKey
        self.ruleID = ruleID
        self.topic = topic
        self.startedAt = startedAt
        self.detectedAt = detectedAt
        self.updatedAt = updatedAt
        self.endedAt = endedAt
        self.episode = episode
        self.status = status
        self.assigneeID = assigneeID
        self.evidence = evidence
    }
}
