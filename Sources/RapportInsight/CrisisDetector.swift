import Foundation

/// Streaming crisis and spike detection per key (rule, brand, topic…), on the posts' own timestamps.
///
/// **Counting.** Posts are counted per key in buckets of `bucketSeconds` (default 5 min) aligned on the epoch:
/// all posts, negative posts, and negative posts with reposts + replies ≥ `amplifiedEngagement`. A bucket
/// closes when an observation at least `allowedLateness` past its end has been seen (or `advance(to:)` passes
/// it); then every known key is evaluated for that bucket, including keys with no post in it (zeros matter).
/// Nothing depends on the wall clock, so replaying a history gives the same alerts as living through it, as
/// long as posts arrive no later than `allowedLateness` after their bucket (later ones are counted in
/// `lateObservations` and ignored).
///
/// **Baseline.** Expected posts per bucket: μ = level × H(hour of day) × D(day of week), learned online in
/// the audience's local time (`SeasonalBaseline`); for the first day a fallback EWMA level with a larger
/// dispersion. Baseline negative share p₀ and amplified share s₀: exponentially forgetting proportions.
///
/// **Tests,** on the last w closed buckets for each w in `windows` (default 1, 3, 12):
/// - volume: P(X ≥ n) for X ~ NegBin(mean Σμ, variance Σμ + φ(Σμ)²) — a Poisson surprise whose φ (default
///   0.01) accounts for the baseline's own error; needs n ≥ `minimumCount` and n ≥ `minimumRatio` × Σμ;
/// - negative share: P(K ≥ k) for K ~ BetaBinomial(n, p₀·m, (1−p₀)·m), m = `shareConcentration`; needs
///   k ≥ `minimumNegativeCount` and k/n ≥ p₀ + `minimumShareIncrease`;
/// - amplified posts: P(A ≥ a) for A ~ Poisson(n · s₀); needs a ≥ `minimumAmplifiedCount` and a ≥ 2 n s₀.
/// A test fires when its p-value is below `configuration.threshold(for:)`, the false-alarm budget
/// (`falseAlarmsPerWeek`, default 1 per key) split over the three quantities, the windows and the buckets of a
/// week. An influential author (followers ≥ `influencerFollowers`) posting negatively during an open volume or
/// negative episode, or up to the longest window before it, raises amplification too.
///
/// **Episodes.** One alert per key and kind: `opened` when a test fires, `updated` when a bucket's ratio beats
/// the announced peak by `updateGrowth` (or a new influential author joins), `closed` after
/// `closeAfterQuietBuckets` buckets in which no window of up to `closeWindow` buckets has p < `closeLevel`.
/// What the baseline learns from a bucket is clipped at μ + 3σ (μ + 1σ while an episode is open), so an
/// incident does not become the norm. docs/crisis-detection.md gives the reasoning and the measured figures.
///
/// A value type with no I/O: copy it to snapshot it; feed it from one task.
public struct CrisisDetector: Sendable {
    /// The knobs, fixed for the detector's life.
    public let configuration: CrisisDetectorConfiguration
    /// One monitor per key, in the order the keys were first seen. An array, not a dictionary: every bucket
    /// closes every key, and an array element is mutated in place where a dictionary value was copied first
    /// (with its baselines' arrays) in unoptimised builds, which made `serve --demo`'s replay take minutes.
    private var monitors: [KeyMonitor] = []
    /// Each key's position in `monitors`.
    private var slots: [String: Int] = [:]
    /// Keys in sorted order, so that events come out in the same order on every run.
    private var keys: [String] = []
    /// `slots` of `keys`, in the same (sorted) order.
    private var sortedSlots: [Int] = []
    /// The oldest bucket not closed yet; nil before the first observation.
    private var nextBucket: Int?
    private var watermark = -Double.infinity
    /// Observations that arrived after their bucket had been closed, and were ignored.
    public private(set) var lateObservations = 0
    /// Observations counted so far.
    public private(set) var observationCount = 0

    /// Creates a detector with no history.
    public init(configuration: CrisisDetectorConfiguration = CrisisDetectorConfiguration()) {
        self.configuration = configuration
    }

    /// Counts one post and returns the alert changes of the buckets its timestamp allowed to close, in order
    /// (bucket, then key, then volume / negative / amplification).
    public mutating func observe(_ observation: DetectorObservation) -> [AlertEvent] {
        let time = observation.timestamp.timeIntervalSince1970
        let bucket = bucketIndex(time)
        if nextBucket == nil { nextBucket = bucket }
        if bucket < nextBucket! {
            lateObservations += 1
        } else {
            observationCount += 1
            for (position, key) in observation.keys.enumerated()
            where !observation.keys[..<position].contains(key) {
                let slot = slots[key] ?? register(key)
                monitors[slot].add(observation, bucket: bucket)
            }
        }
        return advance(toSeconds: time)
    }

    /// Moves post time forward without a post (e.g. from the wall clock in a quiet live stream, or at the end of
    /// a replay) and returns the alert changes of the buckets that closed. Times earlier than the latest
    /// observation change nothing.
    public mutating func advance(to time: Date) -> [AlertEvent] {
        advance(toSeconds: time.timeIntervalSince1970)
    }

    /// The alerts whose episode is ongoing, oldest detection first.
    public var openAlerts: [Alert] {
        sortedSlots.flatMap { slot in AlertKind.allCases.compactMap { monitors[slot].episodes[$0]?.alert } }
            .sorted { ($0.detectedAt, $0.id) < ($1.detectedAt, $1.id) }
    }

    /// The keys seen so far, sorted.
    public var monitoredKeys: [String] { keys }

    private func bucketIndex(_ time: Double) -> Int {
        Int((time / configuration.bucketSeconds).rounded(.down))
    }

    private mutating func register(_ key: String) -> Int {
        let slot = monitors.count
        monitors.append(KeyMonitor(key: key, configuration: configuration))
        slots[key] = slot
        let position = keys.firstIndex { $0 > key } ?? keys.endIndex
        keys.insert(key, at: position)
        sortedSlots.insert(slot, at: position)
        return slot
    }

    private mutating func advance(toSeconds time: Double) -> [AlertEvent] {
        guard time > watermark else { return [] }
        watermark = time
        guard var next = nextBucket else { return [] }
        var events: [AlertEvent] = []
        let width = configuration.bucketSeconds
        while Double(next + 1) * width + configuration.allowedLateness <= watermark {
            for slot in sortedSlots { monitors[slot].close(bucket: next, into: &events) }
            next += 1
        }
        nextBucket = next
        return events
    }
}
