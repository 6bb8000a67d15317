/// A crisis injected at a known time: one brand's volume jumps on a topic, mostly negative, and an influential
/// author joins in. Detection delay is measured against `start`.
public struct Incident: Sendable, Hashable {
    /// Name or handle of the affected brand (matched case-insensitively against either).
    public var brand: String
    /// Topic words the incident posts use, e.g. ["outage", "no signal"].
    public var topicWords: [String]
    /// Seconds after the simulation start when the incident begins.
    public var start: Double
    /// How long the incident lasts, in seconds.
    public var duration: Double
    /// The brand's volume inside the window as a multiple of its normal volume (≥ 1).
    public var volumeMultiplier: Double
    /// Share of the incident's extra posts that are negative (complaints and churn threats).
    public var negativeShare: Double
    /// Seconds after `start` when an influential author posts about it; nil for none.
    public var influencerDelay: Double?
    /// That author's follower count.
    public var influencerFollowers: Int

    /// Creates an incident; defaults describe a network outage that quadruples the brand's volume for an hour.
    public init(
        brand: String = "Acme Mobile", topicWords: [String] = ["outage", "no signal", "network down"],
        start: Double = 3600, duration: Double = 3600, volumeMultiplier: Double = 4,
        negativeShare: Double = 0.85,
        influencerDelay: Double? = 600, influencerFollowers: Int = 2_450_000
    ) {
        self.brand = brand
        self.topicWords = topicWords.isEmpty ? ["outage"] : topicWords
        self.start = start
        self.duration = duration
        self.volumeMultiplier = max(1, volumeMultiplier)
        self.negativeShare = min(1, max(0, negativeShare))
        self.influencerDelay = influencerDelay
        self.influencerFollowers = influencerFollowers
    }

    /// True when `offset` (seconds after the simulation start) falls inside the incident window.
    public func contains(offset: Double) -> Bool {
        offset >= start && offset < start + duration
    }
}
