import Foundation

/// Every knob of `CrisisDetector`. The defaults suit brand and rule series of a few posts to a few thousand
/// posts per hour; docs/crisis-detection.md explains each choice.
public struct CrisisDetectorConfiguration: Sendable, Hashable {
    /// Width of a counting bucket in seconds; buckets are aligned on multiples of it since 1970 (UTC).
    public var bucketSeconds: Double
    /// Test windows, in buckets: each closed bucket is tested over the last `w` buckets for every `w`. Short
    /// windows catch sharp spikes fast; longer ones catch moderate sustained rises on small series.
    public var windows: [Int]
    /// Expected false alarms per key per week, all kinds together: the budget the p-value thresholds are
    /// derived from (see `threshold(for:)`).
    public var falseAlarmsPerWeek: Double
    /// Hours to add to UTC to get the audience's local time, which the hour-of-day and day-of-week profile uses.
    public var utcOffsetHours: Double
    /// How late (seconds, post time) an observation may arrive after its bucket ended and still be counted.
    /// Observations later than that are counted in `CrisisDetector.lateObservations` and otherwise ignored.
    public var allowedLateness: Double

    /// Relative model error of the seasonal baseline, as the φ of a negative binomial (variance μ + φμ²);
    /// 0.01 means the expectation itself is trusted to about ±10 %.
    public var dispersion: Double
    /// The same while the key is warming up and the fallback level is used (it lags the daily curve).
    public var warmUpDispersion: Double
    /// Buckets of history before the seasonal profile replaces the fallback level (default one day).
    public var warmUpBuckets: Int
    /// Buckets of history before any alert may be raised for a key.
    public var minimumHistoryBuckets: Int

    /// Half-life of the deseasonalised level, in hours: how fast the baseline follows lasting changes.
    public var levelHalfLifeHours: Double
    /// Half-life of the fallback level used during warm-up, in hours.
    public var fallbackHalfLifeHours: Double
    /// Half-life of each hour-of-day factor, in days (each hour is seen once a day).
    public var hourOfDayHalfLifeDays: Double
    /// Half-life of each day-of-week factor, in weeks.
    public var dayOfWeekHalfLifeWeeks: Double
    /// Half-life of the baseline negative share and amplified share, in hours.
    public var shareHalfLifeHours: Double

    /// Concentration m of the beta-binomial used for the negative share: the baseline share itself is allowed
    /// to wander with standard deviation ≈ √(p(1−p)/(m+1)) between windows (≈ 2.4 points for m = 400).
    public var shareConcentration: Double

    /// Volume alerts need at least this many posts in the window…
    public var minimumCount: Int
    /// …and at least this multiple of the expected count (keeps tiny series from alerting on a handful of posts).
    public var minimumRatio: Double
    /// Negative-surge alerts need at least this many negative posts in the window…
    public var minimumNegativeCount: Int
    /// …and a share at least this much above the baseline share (absolute, 0.1 = ten points).
    public var minimumShareIncrease: Double
    /// Followers from which an author counts as influential.
    public var influencerFollowers: Int
    /// Reposts + replies from which a negative post counts as amplified.
    public var amplifiedEngagement: Int
    /// Amplification-count alerts need at least this many amplified negative posts in the window.
    public var minimumAmplifiedCount: Int

    /// A bucket counts as "back to normal" when no test over the windows up to `closeWindow` buckets has a
    /// p-value below this level…
    public var closeLevel: Double
    /// …tested over windows of at most this many buckets…
    public var closeWindow: Int
    /// …and an episode closes after this many consecutive normal buckets.
    public var closeAfterQuietBuckets: Int
    /// An open episode is re-announced (`updated`) when a bucket's observed/expected ratio exceeds the last
    /// announced peak by this factor.
    public var updateGrowth: Double

    /// Creates a configuration; every argument has a documented default.
    public init(
        bucketSeconds: Double = 300, windows: [Int] = [1, 3, 12], falseAlarmsPerWeek: Double = 1,
        utcOffsetHours: Double = 0, allowedLateness: Double = 60, dispersion: Double = 0.01,
        warmUpDispersion: Double = 0.1, warmUpBuckets: Int = 288, minimumHistoryBuckets: Int = 24,
        levelHalfLifeHours: Double = 48, fallbackHalfLifeHours: Double = 1, hourOfDayHalfLifeDays: Double = 7,
        dayOfWeekHalfLifeWeeks: Double = 3, shareHalfLifeHours: Double = 72, shareConcentration: Double = 400,
        minimumCount: Int = 10, minimumRatio: Double = 1.3, minimumNegativeCount: Int = 8,
        minimumShareIncrease: Double = 0.1, influencerFollowers: Int = 100_000, amplifiedEngagement: Int = 25,
        minimumAmplifiedCount: Int = 5, closeLevel: Double = 0.01, closeWindow: Int = 3,
        closeAfterQuietBuckets: Int = 3, updateGrowth: Double = 1.5
    ) {
        self.bucketSeconds = max(1, bucketSeconds)
        let windows = Array(Set(windows.filter { $0 >= 1 })).sorted()
        self.windows = windows.isEmpty ? [1] : windows
        self.falseAlarmsPerWeek = max(1e-6, falseAlarmsPerWeek)
        self.utcOffsetHours = utcOffsetHours
        self.allowedLateness = max(0, allowedLateness)
        // φ ≤ 1 keeps the negative binomial's term ratio decreasing above the mean (see `TailProbability`).
        self.dispersion = min(1, max(0, dispersion))
        self.warmUpDispersion = min(1, max(0, warmUpDispersion))
        self.warmUpBuckets = max(1, warmUpBuckets)
        self.minimumHistoryBuckets = max(1, minimumHistoryBuckets)
        self.levelHalfLifeHours = max(0.01, levelHalfLifeHours)
        self.fallbackHalfLifeHours = max(0.01, fallbackHalfLifeHours)
        self.hourOfDayHalfLifeDays = max(0.01, hourOfDayHalfLifeDays)
        self.dayOfWeekHalfLifeWeeks = max(0.01, dayOfWeekHalfLifeWeeks)
        self.shareHalfLifeHours = max(0.01, shareHalfLifeHours)
        self.shareConcentration = max(1, shareConcentration)
        self.minimumCount = max(1, minimumCount)
        self.minimumRatio = max(1, minimumRatio)
        self.minimumNegativeCount = max(1, minimumNegativeCount)
        self.minimumShareIncrease = max(0, minimumShareIncrease)
        self.influencerFollowers = influencerFollowers
        self.amplifiedEngagement = max(1, amplifiedEngagement)
        self.minimumAmplifiedCount = max(1, minimumAmplifiedCount)
        self.closeLevel = closeLevel
        self.closeWindow = max(1, closeWindow)
        self.closeAfterQuietBuckets = max(1, closeAfterQuietBuckets)
        self.updateGrowth = max(1, updateGrowth)
    }

    /// Buckets in a week.
    public var bucketsPerWeek: Double { 7 * 86_400 / bucketSeconds }

    /// The p-value threshold of one test of `kind` on one window, from the false-alarm budget.
    ///
    /// The budget is split equally between the three tested quantities (volume, negative share, amplified
    /// posts), and each share between the `windows.count × bucketsPerWeek` tests run per key per week
    /// (Bonferroni): if every test were exactly calibrated and independent, a key would see at most
    /// `falseAlarmsPerWeek` false alarms per week; overlapping windows are positively correlated, which makes
    /// the bound conservative. Influencer-triggered amplification needs an open volume or negative episode,
    /// so it spends no budget of its own.
    public func threshold(for kind: AlertKind) -> Double {
        falseAlarmsPerWeek / 3 / (Double(windows.count) * bucketsPerWeek)
    }
}
