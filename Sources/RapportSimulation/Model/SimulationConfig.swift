import Foundation

/// Every knob of a simulated run. The defaults describe a plausible day for a mid-size consumer brand.
public struct SimulationConfig: Sendable {
    /// Seed of the generator: the same configuration and seed always produce the same events.
    public var seed: UInt64
    /// Simulated time of the first possible post.
    public var start: Date
    /// Mean posts per second of simulated time, averaged over a week (the instantaneous rate follows the
    /// hour-of-day and day-of-week curve when `seasonality` > 0, and rises during an incident).
    public var rate: Double
    /// Length of the run in simulated seconds; every event's timestamp is in [start, start + duration].
    public var duration: Double
    /// Stops after this many events (original posts plus duplicates), whatever the duration; nil for no cap.
    public var maxEvents: Int?
    /// The brands people talk about; exactly one should be `isOwn`.
    public var brands: [SimulatedBrand]
    /// Relative share of each network; missing networks never appear.
    public var networkMix: [SimulatedNetwork: Double]
    /// Share of public-network posts (X, Bluesky, Reddit, Mastodon, feeds) that match no brand.
    public var offTopicShare: Double
    /// Share of each language (ISO 639-1) among posts; languages without templates fall back to English.
    public var languageMix: [String: Double]
    /// Share of brand-related posts by intent (before any incident).
    public var intentMix: [Intent: Double]
    /// Strength of the daily and weekly cycle: 0 is a flat rate, 1 the full curve (04:00 ≈ 0.15× the evening peak).
    public var seasonality: Double
    /// Hours to add to UTC to get the audience's local time for the daily cycle.
    public var utcOffsetHours: Double
    /// Size of the recurring author pool: the same people post again and again.
    public var authorPoolSize: Int
    /// Share of events that are redeliveries of an earlier event (same bytes, same external id).
    public var duplicateShare: Double
    /// An optional injected crisis.
    public var incident: Incident?

    /// Creates a configuration; every argument has a realistic default.
    public init(
        seed: UInt64 = 42,
        start: Date = Date(timeIntervalSince1970: 1_763_596_800),  // 2025-11-20T00:00:00Z, a Thursday
        rate: Double = 10,
        duration: Double = 3600,
        maxEvents: Int? = nil,
        brands: [SimulatedBrand] = SimulatedBrand.defaults,
        networkMix: [SimulatedNetwork: Double] = SimulatedNetwork.defaultMix,
        offTopicShare: Double = 0.6,
        languageMix: [String: Double] = SimulationConfig.defaultLanguageMix,
        intentMix: [Intent: Double] = SimulationConfig.defaultIntentMix,
        seasonality: Double = 1,
        utcOffsetHours: Double = 0,
        authorPoolSize: Int = 200_000,
        duplicateShare: Double = 0,
        incident: Incident? = nil
    ) {
        self.seed = seed
        self.start = start
        self.rate = rate
        self.duration = duration
        self.maxEvents = maxEvents
        self.brands = brands
        self.networkMix = networkMix
        self.offTopicShare = offTopicShare
        self.languageMix = languageMix
        self.intentMix = intentMix
        self.seasonality = seasonality
        self.utcOffsetHours = utcOffsetHours
        self.authorPoolSize = authorPoolSize
        self.duplicateShare = duplicateShare
        self.incident = incident
    }

    /// Mostly English, with the main European languages of a UK/EU audience.
    public static let defaultLanguageMix: [String: Double] = [
        "en": 0.80, "es": 0.06, "fr": 0.04, "de": 0.04, "pt": 0.025, "it": 0.02, "nl": 0.015,
    ]

    /// Complaints dominate what customers say to brands in public; praise is rarer than questions.
    public static let defaultIntentMix: [Intent: Double] = [
        .complaint: 0.30, .question: 0.22, .praise: 0.14, .purchaseIntent: 0.08, .churnThreat: 0.06,
        .noise: 0.14,
        .offTopic: 0.06,
    ]
}
