import Foundation

/// What kind of abnormality an alert reports.
public enum AlertKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// More posts than the seasonal baseline allows.
    case volumeSpike = "volume_spike"
    /// A larger share of negative posts than the key's baseline share.
    case negativeSurge = "negative_surge"
    /// The story is spreading: an influential author joins a surge, or heavily shared negative posts pile up.
    case amplification
}

/// Where an alert is in its episode. Acknowledging, assigning and resolving are the desk's business and live
/// outside the detector.
public enum AlertStatus: String, Sendable, Hashable, Codable {
    /// The episode is ongoing.
    case open
    /// The series has been back to normal long enough (`CrisisDetectorConfiguration.closeAfterQuietBuckets`).
    case closed
}

/// One episode of abnormal activity on one key: opened once, updated when it grows, closed when it is over.
public struct Alert: Sendable, Hashable, Identifiable {
    /// Stable id, `kind:key:startedAt` (seconds since 1970): a replay produces the same ids, so storing alerts
    /// can be idempotent.
    public var id: String
    /// What is abnormal.
    public var kind: AlertKind
    /// The monitored series (rule id, brand, topic key…).
    public var key: String
    /// Start of the first abnormal bucket of the episode (post time).
    public var startedAt: Date
    /// When the detector raised the alert: the end of the bucket whose close triggered it (post time).
    public var detectedAt: Date
    /// When the alert last changed (opened, updated or closed), in post time.
    public var updatedAt: Date
    /// End of the last abnormal bucket, once the alert is closed.
    public var endedAt: Date?
    /// Open or closed.
    public var status: AlertStatus
    /// The figures that justified the alert, at detection (and at the peak, see `AlertEvidence.peakRatio`).
    public var evidence: AlertEvidence

    /// Creates an alert.
    public init(
        id: String, kind: AlertKind, key: String, startedAt: Date, detectedAt: Date, updatedAt: Date,
        endedAt: Date? = nil, status: AlertStatus = .open, evidence: AlertEvidence
    ) {
        self.id = id
        self.kind = kind
        self.key = key
        self.startedAt = startedAt
        self.detectedAt = detectedAt
        self.updatedAt = updatedAt
        self.endedAt = endedAt
        self.status = status
        self.evidence = evidence
    }
}
