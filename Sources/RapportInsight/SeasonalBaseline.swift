import Foundation

/// The expected number of posts per bucket for one key: level × hour-of-day factor × day-of-week factor,
/// learned online (a multiplicative Holt–Winters model with two seasonal periods and no trend term).
///
/// - Warm-up: for the first `warmUpBuckets` buckets the expectation is a fallback level (running mean, then an
///   EWMA with `fallbackHalfLifeHours`), which lags the daily curve; the detector pairs it with a larger
///   dispersion. At the end of warm-up the level is set to the mean count and each hour's factor to its mean
///   count over the level.
/// - Then, for each bucket with count x (already clipped by the caller), with h(t) the hour factors
///   interpolated linearly between hour centres and d the weekday factor:
///   level ← level + a_L · (x / (h(t)·d) − level);
///   H[hour] ← H[hour] + a_H · ((x + ε) / (level·d + ε) − H[hour]);
///   D[day] ← D[day] + a_D · ((x + ε) / (level·h(t) + ε) − D[day]);
///   with a = max(1 / (samples + prior), 1 − 2^(−1/half-life in samples)) — a running mean first, then an
///   EWMA — and ε = 0.5 post so that sparse keys shrink towards a flat profile instead of dividing by ~0.
///   H and D are renormalised to mean 1 after each update (the level absorbs the scale).
struct SeasonalBaseline: Sendable {
    private(set) var buckets = 0
    private var fallback = 0.0
    private var level = 0.0
    private var hourly = [Double](repeating: 1, count: 24)
    private var hourlySamples = [Double](repeating: 0, count: 24)
    private var daily = [Double](repeating: 1, count: 7)
    private var dailySamples = [Double](repeating: 0, count: 7)
    private var warmSums = [Double](repeating: 0, count: 24)
    private var warmCounts = [Double](repeating: 0, count: 24)

    private let warmUpBuckets: Int
    private let fallbackGain: Double
    private let levelGain: Double
    private let hourGain: Double
    private let dayGain: Double
    /// Pseudo-samples at factor 1 behind each day-of-week factor (4 hours' worth): a weekday's first buckets
    /// must not set its factor on their own.
    private let dayPrior: Double
    private static let epsilon = 0.5

    init(_ configuration: CrisisDetectorConfiguration) {
        let perHour = 3600 / configuration.bucketSeconds
        warmUpBuckets = configuration.warmUpBuckets
        fallbackGain = Self.gain(halfLife: configuration.fallbackHalfLifeHours * perHour)
        levelGain = Self.gain(halfLife: configuration.levelHalfLifeHours * perHour)
        // Each hour of the day gets `perHour` buckets a day; each weekday `24 · perHour` a week.
        hourGain = Self.gain(halfLife: configuration.hourOfDayHalfLifeDays * perHour)
        dayGain = Self.gain(halfLife: configuration.dayOfWeekHalfLifeWeeks * 24 * perHour)
        dayPrior = 4 * perHour
    }

    /// EWMA weight whose memory halves every `halfLife` samples.
    private static func gain(halfLife: Double) -> Double { 1 - pow(2, -1 / max(halfLife, 1e-9)) }

    /// True once the seasonal profile is in use.
    var isSeasonal: Bool { buckets >= warmUpBuckets }

    /// Expected posts in a bucket at `slot`.
    func expected(_ slot: SeasonalSlot) -> Double {
        guard isSeasonal else { return fallback }
        return level * hourFactor(slot.hourPosition) * daily[slot.weekday]
    }

    /// Learns from one closed bucket (the caller clips abnormal counts first).
    mutating func learn(_ count: Double, at slot: SeasonalSlot) {
        buckets += 1
        fallback += max(1 / Double(buckets), fallbackGain) * (count - fallback)
        if buckets <= warmUpBuckets {
            warmSums[slot.hour] += count
            warmCounts[slot.hour] += 1
            if buckets == warmUpBuckets { finishWarmUp() }
            return
        }
        let h = hourFactor(slot.hourPosition)
        let d = daily[slot.weekday]
        level = max(0, level + levelGain * (count / max(h * d, 1e-6) - level))

        hourlySamples[slot.hour] += 1
        let a = max(1 / hourlySamples[slot.hour], hourGain)
        let hourTarget = (count + Self.epsilon) / (level * d + Self.epsilon)
        hourly[slot.hour] += a * (hourTarget - hourly[slot.hour])

        dailySamples[slot.weekday] += 1
        let b = max(1 / (dailySamples[slot.weekday] + dayPrior), dayGain)
        let dayTarget = (count + Self.epsilon) / (level * h + Self.epsilon)
        daily[slot.weekday] += b * (dayTarget - daily[slot.weekday])
        normalise()
    }

    /// Hour factor at a fractional local hour, interpolated between hour centres (the curve is smooth; a step
    /// per hour would be wrong by up to a third at the edges of the morning ramp).
    private func hourFactor(_ position: Double) -> Double {
        let p = position - 0.5
        let lower = Int(p.rounded(.down))
        let fraction = p - Double(lower)
        let a = hourly[(lower + 24) % 24]
        let b = hourly[(lower + 1 + 24) % 24]
        return a + (b - a) * fraction
    }

    private mutating func finishWarmUp() {
        let total = warmSums.reduce(0, +)
        let samples = warmCounts.reduce(0, +)
        level = total / max(samples, 1)
        for hour in 0..<24 where warmCounts[hour] > 0 {
            hourly[hour] = (warmSums[hour] / warmCounts[hour] + Self.epsilon) / (level + Self.epsilon)
            hourlySamples[hour] = warmCounts[hour]
        }
        normalise()
    }

    private mutating func normalise() {
        let hourMean = hourly.reduce(0, +) / 24
        let dayMean = daily.reduce(0, +) / 7
        guard hourMean > 0, dayMean > 0 else { return }
        for i in 0..<24 { hourly[i] /= hourMean }
        for i in 0..<7 { daily[i] /= dayMean }
        level *= hourMean * dayMean
    }
}
