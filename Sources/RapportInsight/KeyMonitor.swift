import Foundation

/// The state of one monitored key: open bucket tallies, the last closed buckets, the baselines and the open
/// episodes. `CrisisDetector` owns one per key and closes their buckets in step.
struct KeyMonitor: Sendable {
    let key: String
    let configuration: CrisisDetectorConfiguration
    var baseline: SeasonalBaseline
    var negativeShare: ShareBaseline
    var amplifiedShare: ShareBaseline
    /// Tallies of buckets not closed yet, by bucket index (at most two or three with the default lateness).
    var pending: [Int: BucketTally] = [:]
    /// The last closed buckets, oldest first, as many as the longest window.
    var history: [BucketRecord] = []
    var closedBuckets = 0
    var episodes: [AlertKind: Episode] = [:]
    /// End of each kind's last closed episode: a new episode of that kind may only be opened by windows that
    /// start after it, or the long windows, still full of the old episode, would reopen it at once.
    var closedThrough: [AlertKind: Double] = [:]

    init(key: String, configuration: CrisisDetectorConfiguration) {
        self.key = key
        self.configuration = configuration
        baseline = SeasonalBaseline(configuration)
        // A third of brand mentions are negative in the seed studies; thirty posts' worth of prior is gone
        // after the first busy bucket.
        negativeShare = ShareBaseline(
            priorShare: 0.3, priorWeight: 30, bucketSeconds: configuration.bucketSeconds,
            halfLifeHours: configuration.shareHalfLifeHours)
        amplifiedShare = ShareBaseline(
            priorShare: 0.001, priorWeight: 1000, bucketSeconds: configuration.bucketSeconds,
            halfLifeHours: configuration.shareHalfLifeHours)
    }

    /// Counts one observation into its (open) bucket.
    mutating func add(_ observation: DetectorObservation, bucket: Int) {
        var tally = pending[bucket] ?? BucketTally()
        tally.count += 1
        if observation.negative {
            tally.negatives += 1
            if observation.reposts + observation.replies >= configuration.amplifiedEngagement {
                tally.amplified += 1
            }
            if observation.authorFollowers >= configuration.influencerFollowers {
                tally.influencers.append(
                    InfluencerPost(
                        followers: observation.authorFollowers, postID: observation.postID,
                        authorID: observation.authorID, timestamp: observation.timestamp.timeIntervalSince1970))
            }
        }
        pending[bucket] = tally
    }

    /// Closes bucket `index`: records it against the baseline, runs the tests, moves the episodes along,
    /// then lets the baselines learn from it.
    mutating func close(bucket index: Int, into events: inout [AlertEvent]) {
        let width = configuration.bucketSeconds
        let start = Double(index) * width
        let tally = pending.removeValue(forKey: index) ?? BucketTally()
        let slot = SeasonalSlot(
            bucketStart: start, bucketSeconds: width, utcOffsetHours: configuration.utcOffsetHours)
        let seasonal = baseline.isSeasonal
        let expected = baseline.expected(slot)
        let dispersion = seasonal ? configuration.dispersion : configuration.warmUpDispersion
        let share = negativeShare.share
        var record = BucketRecord(
            start: start, tally: tally, expected: expected, dispersion: dispersion, seasonal: seasonal,
            negativeShare: share, amplifiedShare: amplifiedShare.share, volumeP: 1, negativeP: 1)
        record.volumeP = TailProbability.countAtLeast(tally.count, mean: expected, dispersion: dispersion)
        record.negativeP = TailProbability.shareAtLeast(
            tally.negatives, of: tally.count, baseline: share, concentration: configuration.shareConcentration)
        history.append(record)
        if history.count > configuration.windows.last! {
            history.removeFirst(history.count - configuration.windows.last!)
        }
        closedBuckets += 1

        let tests = configuration.windows.filter { $0 <= history.count }.map(test(window:))
        let end = start + width
        for kind in [AlertKind.volumeSpike, .negativeSurge] {
            step(kind, tests: tests, bucketEnd: end, into: &events)
        }
        stepAmplification(tests: tests, bucketEnd: end, into: &events)
        learn(record, slot: slot)
    }

    /// Runs the three tests over the last `window` closed buckets.
    func test(window: Int) -> WindowTest {
        let records = history.suffix(window)
        var count = 0
        var negatives = 0
        var amplified = 0
        var expected = 0.0
        var dispersion = 0.0
        var seasonal = true
        for record in records {
            count += record.tally.count
            negatives += record.tally.negatives
            amplified += record.tally.amplified
            expected += record.expected
            // The model error is shared by neighbouring buckets (same level, same profile), so the window's
            // relative error is that of one bucket, not √window smaller.
            dispersion = max(dispersion, record.dispersion)
            seasonal = seasonal && record.seasonal
        }
        let latest = records.last!
        let c = configuration
        var result = WindowTest(
            buckets: window, count: count, expected: expected, negatives: negatives,
            baselineShare: latest.negativeShare, amplified: amplified,
            expectedAmplified: Double(count) * latest.amplifiedShare, seasonal: seasonal,
            volumeP: 1, negativeP: 1, amplifiedP: 1)
        if count >= c.minimumCount, Double(count) >= c.minimumRatio * expected {
            result.volumeP = TailProbability.countAtLeast(count, mean: expected, dispersion: dispersion)
        }
        if negatives >= c.minimumNegativeCount,
            Double(negatives) >= (latest.negativeShare + c.minimumShareIncrease) * Double(count)
        {
            result.negativeP = TailProbability.shareAtLeast(
                negatives, of: count, baseline: latest.negativeShare, concentration: c.shareConcentration)
        }
        if amplified >= c.minimumAmplifiedCount, Double(amplified) >= 2 * result.expectedAmplified {
            result.amplifiedP = TailProbability.countAtLeast(
                amplified, mean: result.expectedAmplified, dispersion: 0)
        }
        return result
    }

    /// Learns from a closed bucket, clipping what the baseline may absorb: beyond three standard deviations
    /// normally, beyond one while an episode of that kind is open, so an incident does not become the new
    /// normal, while a lasting change of level is still absorbed, slowly (see docs/crisis-detection.md).
    private mutating func learn(_ record: BucketRecord, slot: SeasonalSlot) {
        let trusted = closedBuckets > configuration.minimumHistoryBuckets
        let μ = record.expected
        let count = Double(record.tally.count)
        var learnedCount = count
        if trusted {
            let sigmas = episodes[.volumeSpike] == nil ? 3.0 : 1.0
            learnedCount = min(count, μ + sigmas * (μ + record.dispersion * μ * μ).squareRoot() + sigmas)
        }
        baseline.learn(learnedCount, at: slot)

        let p = record.negativeShare
        var negatives = Double(record.tally.negatives)
        if trusted && count > 0 {
            let sigmas = episodes[.negativeSurge] == nil ? 3.0 : 1.0
            let m = configuration.shareConcentration
            let sd = (count * p * (1 - p) * (1 + (count - 1) / (m + 1))).squareRoot()
            negatives = min(negatives, count * p + sigmas * sd + sigmas)
        }
        negativeShare.learn(hits: negatives, of: count)

        let q = record.amplifiedShare
        let amplified = min(Double(record.tally.amplified), count * q + 3 * (count * q).squareRoot() + 3)
        amplifiedShare.learn(hits: amplified, of: count)
    }
}
