import Foundation
import RapportInsight

/// Seeded synthetic traffic for the detector tests: Poisson arrivals with a per-bucket rate.
struct Traffic {
    /// 2025-11-20T00:00:00Z, a Thursday.
    static let origin = 1_763_596_800.0
    static let bucket = 300.0

    private var state: UInt64
    private(set) var observations: [DetectorObservation] = []

    init(seed: UInt64) { state = seed }

    /// SplitMix64: tiny, fast and reproducible across platforms.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Adds Poisson arrivals for `key` over [from, to) seconds after `origin`, with `perBucket(t)` expected
    /// posts per 5-minute bucket (piecewise constant per bucket) and `negative(t)` the negative share.
    mutating func add(
        key: String, from: Double, to: Double, perBucket: (Double) -> Double,
        negative: (Double) -> Double = { _ in 0.3 }, followers: Int = 100
    ) {
        var bucketStart = from
        while bucketStart < to {
            let end = min(to, bucketStart + Self.bucket)
            let rate = perBucket(bucketStart) / Self.bucket
            var t = bucketStart
            while rate > 0 {
                t += -log(1 - unit()) / rate
                guard t < end else { break }
                observations.append(
                    DetectorObservation(
                        timestamp: Date(timeIntervalSince1970: Self.origin + t), keys: [key],
                        negative: unit() < negative(t), authorFollowers: followers))
            }
            bucketStart = end
        }
    }

    /// Adds one hand-made post.
    mutating func add(_ observation: DetectorObservation) { observations.append(observation) }

    /// The observations in timestamp order (stable, so equal timestamps keep insertion order).
    var sorted: [DetectorObservation] {
        observations.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }
            .map(\.element)
    }

    /// Feeds everything to a detector, then lets post time run on for an hour, and returns all events.
    static func run(
        _ observations: [DetectorObservation], configuration: CrisisDetectorConfiguration = .init()
    ) -> [AlertEvent] {
        var detector = CrisisDetector(configuration: configuration)
        var events: [AlertEvent] = []
        for observation in observations { events += detector.observe(observation) }
        if let last = observations.last { events += detector.advance(to: last.timestamp.addingTimeInterval(3600)) }
        return events
    }

    /// A daily curve like real social traffic: quiet at 04:00, busiest around 19:00 (peak ≈ 6× the trough),
    /// softer at the weekend.
    static func daily(_ t: Double) -> Double {
        let hour = (t / 3600).truncatingRemainder(dividingBy: 24)
        let day = Int(t / 86_400) % 7  // 0 = Thursday
        let weekend = day == 2 || day == 3 ? 0.8 : 1.0
        return weekend * (1 + 0.7 * sin((hour - 13) / 24 * 2 * .pi)) / 1
    }
}
