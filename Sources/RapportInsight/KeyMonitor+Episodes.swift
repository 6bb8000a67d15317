import Foundation

/// The episode state machine: open on a test below its threshold, update when the episode grows, close after
/// `closeAfterQuietBuckets` normal buckets. One alert per (key, kind) episode.
extension KeyMonitor {
    /// Single-bucket p-value under which a bucket counts as part of an episode's onset.
    private static let onsetLevel = 0.01

    /// Moves the volume or negative-surge episode along after a bucket closed.
    mutating func step(_ kind: AlertKind, tests: [WindowTest], bucketEnd: Double, into events: inout [AlertEvent]) {
        let threshold = configuration.threshold(for: kind)
        guard let best = tests.min(by: { $0.p(kind) < $1.p(kind) }), let latest = history.last else { return }
        let ratio = ratio(kind, latest)
        if var episode = episodes[kind] {
            episode.alert.evidence.peakRatio = max(episode.alert.evidence.peakRatio, ratio)
            let abnormal = (kind == .volumeSpike ? latest.volumeP : latest.negativeP) < configuration.closeLevel
            if advanceQuiet(
                &episode, quiet: isQuiet(kind, tests), abnormal: abnormal, bucketEnd: bucketEnd, into: &events)
            {
                return
            }
            if ratio > episode.announcedPeak * configuration.updateGrowth {
                let peak = episode.alert.evidence.peakRatio
                episode.alert.evidence = evidence(kind, best, threshold: threshold, peak: peak)
                episode.alert.updatedAt = Date(timeIntervalSince1970: bucketEnd)
                episode.announcedPeak = ratio
                events.append(AlertEvent(change: .updated, alert: episode.alert))
            }
            episodes[kind] = episode
            return
        }
        guard closedBuckets >= configuration.minimumHistoryBuckets,
            let best = fresh(tests, after: closedThrough[kind]).min(by: { $0.p(kind) < $1.p(kind) }),
            best.p(kind) < threshold
        else { return }
        let startedAt = onset(kind, within: best.buckets)
        let alert = Alert(
            id: "\(kind.rawValue):\(key):\(Int(startedAt.rounded(.down)))", kind: kind, key: key,
            startedAt: Date(timeIntervalSince1970: startedAt), detectedAt: Date(timeIntervalSince1970: bucketEnd),
            updatedAt: Date(timeIntervalSince1970: bucketEnd),
            evidence: evidence(kind, best, threshold: threshold, peak: ratio))
        episodes[kind] = Episode(alert: alert, announcedPeak: ratio, lastAbnormalEnd: bucketEnd)
        events.append(AlertEvent(change: .opened, alert: alert))
    }

    /// Moves the amplification episode along: it opens when an influential author posts negatively during an
    /// open volume or negative episode (or shortly before it was detected), or when heavily shared negative
    /// posts are abnormally many for the volume.
    mutating func stepAmplification(tests: [WindowTest], bucketEnd: Double, into events: inout [AlertEvent]) {
        let kind = AlertKind.amplification
        let threshold = configuration.threshold(for: kind)
        let best = fresh(tests, after: closedThrough[kind]).min(by: { $0.amplifiedP < $1.amplifiedP })
        let surgeKinds = [AlertKind.volumeSpike, .negativeSurge].filter { episodes[$0] != nil }
        let reach = Double(configuration.windows.last!) * configuration.bucketSeconds
        let earliest =
            (surgeKinds.compactMap { episodes[$0]?.alert.startedAt.timeIntervalSince1970 }.min() ?? .infinity)
            - reach
        let reported = episodes[kind]?.reportedInfluencers ?? []
        var joined: [InfluencerPost] = []
        for post in history.flatMap(\.tally.influencers)
        where post.timestamp >= earliest && !reported.contains(post.identity)
            && !joined.contains(where: { $0.identity == post.identity })
        {
            joined.append(post)
        }
        let countFired = (best?.amplifiedP ?? 1) < threshold

        if var episode = episodes[kind] {
            let quiet = surgeKinds.isEmpty && isQuiet(kind, tests)
            let abnormal = !surgeKinds.isEmpty || (tests.first?.amplifiedP ?? 1) < configuration.closeLevel
            if advanceQuiet(&episode, quiet: quiet, abnormal: abnormal, bucketEnd: bucketEnd, into: &events) {
                return
            }
            if !joined.isEmpty {
                name(joined, in: &episode)
                episode.alert.updatedAt = Date(timeIntervalSince1970: bucketEnd)
                events.append(AlertEvent(change: .updated, alert: episode.alert))
            }
            episodes[kind] = episode
            return
        }
        guard closedBuckets >= configuration.minimumHistoryBuckets, countFired || !joined.isEmpty else { return }
        var figures: AlertEvidence
        let startedAt: Double
        if countFired, let best {
            figures = evidence(kind, best, threshold: threshold, peak: 0)
            startedAt = history[history.count - best.buckets].start
        } else {
            // The surge's own figures: the influencer matters because of what it joins.
            // Joined posts exist only while a surge is open, so `surgeKinds` is not empty here.
            let lowest = { (kind: AlertKind) in tests.map { $0.p(kind) }.min() ?? 1 }
            let surge = surgeKinds.min { lowest($0) < lowest($1) }!
            let surgeTest = tests.min { $0.p(surge) < $1.p(surge) }!
            figures = evidence(
                surge, surgeTest, threshold: configuration.threshold(for: surge),
                peak: episodes[surge]?.alert.evidence.peakRatio ?? 0)
            let first = joined.map(\.timestamp).min()!
            startedAt = (first / configuration.bucketSeconds).rounded(.down) * configuration.bucketSeconds
        }
        let alert = Alert(
            id: "\(kind.rawValue):\(key):\(Int(startedAt.rounded(.down)))", kind: kind, key: key,
            startedAt: Date(timeIntervalSince1970: startedAt), detectedAt: Date(timeIntervalSince1970: bucketEnd),
            updatedAt: Date(timeIntervalSince1970: bucketEnd), evidence: figures)
        var episode = Episode(alert: alert, announcedPeak: 0, lastAbnormalEnd: bucketEnd)
        name(joined, in: &episode)
        episodes[kind] = episode
        events.append(AlertEvent(change: .opened, alert: episode.alert))
    }

    /// Counts a normal or abnormal bucket; closes the episode (and returns true) after enough normal ones.
    /// `abnormal` tells whether the latest bucket is abnormal on its own, which dates the episode's end.
    private mutating func advanceQuiet(
        _ episode: inout Episode, quiet: Bool, abnormal: Bool, bucketEnd: Double, into events: inout [AlertEvent]
    ) -> Bool {
        if abnormal { episode.lastAbnormalEnd = bucketEnd }
        guard quiet else {
            episode.quietBuckets = 0
            return false
        }
        episode.quietBuckets += 1
        guard episode.quietBuckets >= configuration.closeAfterQuietBuckets else { return false }
        episode.alert.status = .closed
        episode.alert.endedAt = Date(timeIntervalSince1970: episode.lastAbnormalEnd)
        episode.alert.updatedAt = Date(timeIntervalSince1970: bucketEnd)
        events.append(AlertEvent(change: .closed, alert: episode.alert))
        episodes[episode.alert.kind] = nil
        closedThrough[episode.alert.kind] = bucketEnd
        return true
    }

    /// The windows that lie entirely after `time` (all of them when nil).
    private func fresh(_ tests: [WindowTest], after time: Double?) -> [WindowTest] {
        guard let time, let latest = history.last else { return tests }
        let end = latest.start + configuration.bucketSeconds
        return tests.filter { end - Double($0.buckets) * configuration.bucketSeconds >= time }
    }

    /// Back to normal: no short-window test is even mildly abnormal.
    private func isQuiet(_ kind: AlertKind, _ tests: [WindowTest]) -> Bool {
        tests.filter { $0.buckets <= configuration.closeWindow }.allSatisfy { $0.p(kind) > configuration.closeLevel }
    }

    /// Observed over expected in the latest bucket: posts for volume, negative posts otherwise.
    private func ratio(_ kind: AlertKind, _ record: BucketRecord) -> Double {
        switch kind {
        case .volumeSpike: Double(record.tally.count) / max(record.expected, 0.1)
        case .negativeSurge, .amplification:
            Double(record.tally.negatives) / max(record.expected * record.negativeShare, 0.1)
        }
    }

    /// Start of the episode: the earliest bucket of the run of mildly abnormal buckets (single-bucket p below
    /// 5 %) that ends at the latest abnormal bucket of the window that fired.
    private func onset(_ kind: AlertKind, within window: Int) -> Double {
        let abnormal: (BucketRecord) -> Bool =
            kind == .volumeSpike ? { $0.volumeP < Self.onsetLevel } : { $0.negativeP < Self.onsetLevel }
        let lowest = max(0, history.count - window)
        var i = history.count - 1
        while i > lowest && !abnormal(history[i]) { i -= 1 }
        while i > 0 && abnormal(history[i - 1]) { i -= 1 }
        return history[i].start
    }

    private func evidence(_ kind: AlertKind, _ test: WindowTest, threshold: Double, peak: Double) -> AlertEvidence {
        let seconds = Double(test.buckets) * configuration.bucketSeconds
        return AlertEvidence(
            windowSeconds: seconds, observedCount: test.count, expectedCount: test.expected,
            observedRate: Double(test.count) / seconds * 3600, expectedRate: test.expected / seconds * 3600,
            negativeCount: test.negatives,
            negativeShare: test.count > 0 ? Double(test.negatives) / Double(test.count) : 0,
            baselineNegativeShare: test.baselineShare, amplifiedCount: test.amplified,
            expectedAmplifiedCount: test.expectedAmplified, pValue: test.p(kind), threshold: threshold,
            seasonalBaseline: test.seasonal, peakRatio: peak)
    }

    /// Adds influential posts to an amplification alert's evidence.
    private func name(_ posts: [InfluencerPost], in episode: inout Episode) {
        for post in posts where episode.reportedInfluencers.insert(post.identity).inserted {
            if let id = post.postID { episode.alert.evidence.topPostIDs.append(id) }
            if let id = post.authorID, !episode.alert.evidence.topAuthorIDs.contains(id) {
                episode.alert.evidence.topAuthorIDs.append(id)
            }
            episode.alert.evidence.influencerFollowers = max(
                episode.alert.evidence.influencerFollowers ?? 0, post.followers)
        }
    }
}
