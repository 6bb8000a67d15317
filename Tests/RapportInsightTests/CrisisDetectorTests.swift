import Foundation
import Testing

@testable import RapportInsight

@Suite("Crisis detector")
struct CrisisDetectorTests {
    static let day = 86_400.0

    @Test("Flat Poisson traffic raises no alert over a simulated week")
    func flatTrafficIsQuiet() {
        var traffic = Traffic(seed: 1)
        traffic.add(key: "rule:big", from: 0, to: 7 * Self.day, perBucket: { _ in 120 })
        traffic.add(key: "rule:small", from: 0, to: 7 * Self.day, perBucket: { _ in 6 })
        let events = Traffic.run(traffic.sorted)
        #expect(events.isEmpty, "\(events.map(\.alert.id))")
    }

    @Test("A 5× spike is detected within two buckets, with its evidence")
    func fiveTimesSpike() throws {
        let start = 2 * Self.day + 15 * 3600
        var traffic = Traffic(seed: 2)
        traffic.add(
            key: "brand:acme", from: 0, to: 3 * Self.day,
            perBucket: { t in t >= start && t < start + 3600 ? 150 : 30 })
        let events = Traffic.run(traffic.sorted)
        let opened = try #require(events.first { $0.change == .opened && $0.alert.kind == .volumeSpike })
        let delay = opened.alert.detectedAt.timeIntervalSince1970 - (Traffic.origin + start)
        #expect(delay > 0 && delay <= 2 * Traffic.bucket)
        #expect(opened.alert.startedAt.timeIntervalSince1970 == Traffic.origin + start)
        #expect(opened.alert.evidence.observedCount > 3 * Int(opened.alert.evidence.expectedCount))
        #expect(opened.alert.evidence.pValue < opened.alert.evidence.threshold)
        #expect(opened.alert.status == .open)
    }

    @Test("Daily peaks are not flagged once the seasonal baseline is warm, but a flat baseline would flag them")
    func seasonalPeaksAreNormal() {
        var traffic = Traffic(seed: 3)
        traffic.add(key: "brand:acme", from: 0, to: 10 * Self.day, perBucket: { 60 * Traffic.daily($0) })
        let observations = traffic.sorted
        let seasonal = Traffic.run(observations)
        #expect(seasonal.isEmpty, "\(seasonal.map(\.alert.id))")
        // The same stream against a slow flat level (never seasonal) raises alerts every evening.
        let flat = CrisisDetectorConfiguration(
            warmUpDispersion: 0.01, warmUpBuckets: Int.max / 2, fallbackHalfLifeHours: 48)
        let flagged = Traffic.run(observations, configuration: flat).filter { $0.change == .opened }
        #expect(flagged.count >= 5)
    }

    @Test("A negative surge without any volume change is detected")
    func negativeSurge() throws {
        let start = 2 * Self.day + 10 * 3600
        var traffic = Traffic(seed: 4)
        traffic.add(
            key: "rule:7", from: 0, to: 3 * Self.day, perBucket: { _ in 40 },
            negative: { t in t >= start && t < start + 3600 ? 0.65 : 0.25 })
        let events = Traffic.run(traffic.sorted)
        let opened = events.filter { $0.change == .opened }
        let surge = try #require(opened.first { $0.alert.kind == .negativeSurge })
        #expect(!opened.contains { $0.alert.kind == .volumeSpike })
        let delay = surge.alert.detectedAt.timeIntervalSince1970 - (Traffic.origin + start)
        #expect(delay > 0 && delay <= 3 * Traffic.bucket)
        #expect(surge.alert.evidence.negativeShare > surge.alert.evidence.baselineNegativeShare + 0.2)
    }

    @Test("An influential author joining a negative surge raises amplification, naming the post")
    func influencerJoins() throws {
        let start = 2 * Self.day + 18 * 3600
        var traffic = Traffic(seed: 5)
        traffic.add(
            key: "brand:acme", from: 0, to: 3 * Self.day,
            perBucket: { t in t >= start && t < start + 3600 ? 120 : 30 },
            negative: { t in t >= start && t < start + 3600 ? 0.8 : 0.3 })
        // A celebrity complains in the quiet morning (no surge: nothing to amplify)…
        traffic.add(
            DetectorObservation(
                timestamp: Date(timeIntervalSince1970: Traffic.origin + 2 * Self.day + 9 * 3600), keys: ["brand:acme"],
                negative: true, authorFollowers: 3_000_000, postID: "calm", authorID: "celebrity"))
        // …and again ten minutes into the incident.
        traffic.add(
            DetectorObservation(
                timestamp: Date(timeIntervalSince1970: Traffic.origin + start + 600), keys: ["brand:acme"],
                negative: true, authorFollowers: 2_450_000, postID: "tweet-1", authorID: "sam"))
        let events = Traffic.run(traffic.sorted)
        let amplifications = events.filter { $0.change == .opened && $0.alert.kind == .amplification }
        #expect(amplifications.count == 1)
        let alert = try #require(amplifications.first?.alert)
        #expect(alert.evidence.topPostIDs == ["tweet-1"])
        #expect(alert.evidence.topAuthorIDs == ["sam"])
        #expect(alert.evidence.influencerFollowers == 2_450_000)
        #expect(alert.detectedAt.timeIntervalSince1970 == Traffic.origin + start + 900)
    }

    @Test("Heavily shared negative posts raise amplification without an influencer")
    func amplifiedPosts() throws {
        let start = 2 * Self.day + 12 * 3600
        var traffic = Traffic(seed: 6)
        traffic.add(key: "topic:outage", from: 0, to: 3 * Self.day, perBucket: { _ in 40 })
        for minute in 0..<20 {
            traffic.add(
                DetectorObservation(
                    timestamp: Date(timeIntervalSince1970: Traffic.origin + start + Double(minute) * 30),
                    keys: ["topic:outage"], negative: true, reposts: 300, replies: 40, authorFollowers: 800))
        }
        let events = Traffic.run(traffic.sorted)
        let alert = try #require(events.first { $0.change == .opened && $0.alert.kind == .amplification }?.alert)
        #expect(alert.evidence.amplifiedCount >= 5)
        #expect(alert.evidence.topPostIDs.isEmpty)
    }

    @Test("One alert per episode: opened once, closed when back to normal")
    func oneAlertPerEpisode() throws {
        let start = 2 * Self.day + 14 * 3600
        let end = start + 2 * 3600
        var traffic = Traffic(seed: 7)
        traffic.add(
            key: "brand:acme", from: 0, to: 3 * Self.day, perBucket: { t in t >= start && t < end ? 100 : 25 })
        let events = Traffic.run(traffic.sorted).filter { $0.alert.kind == .volumeSpike }
        #expect(events.filter { $0.change == .opened }.count == 1)
        let closed = try #require(events.first { $0.change == .closed }?.alert)
        #expect(events.last?.change == .closed)
        #expect(closed.status == .closed)
        #expect(closed.endedAt?.timeIntervalSince1970 == Traffic.origin + end)
        // The 15-minute window holds spike buckets for two more buckets, then three quiet buckets close it.
        #expect(closed.updatedAt.timeIntervalSince1970 == Traffic.origin + end + 5 * Traffic.bucket)
        #expect(Set(events.map(\.alert.id)).count == 1)
    }

    @Test("Replay is deterministic, and disorder within the allowed lateness changes nothing")
    func replayDeterminism() {
        let start = 2 * Self.day + 20 * 3600
        var traffic = Traffic(seed: 8)
        for key in ["brand:acme", "brand:globex", "topic:outage"] {
            traffic.add(
                key: key, from: 0, to: 3 * Self.day,
                perBucket: { t in key != "brand:globex" && t >= start && t < start + 1800 ? 90 : 20 },
                negative: { t in t >= start && t < start + 1800 ? 0.7 : 0.3 })
        }
        let observations = traffic.sorted
        let first = Traffic.run(observations)
        #expect(!first.isEmpty)
        #expect(Traffic.run(observations) == first)
        // Live delivery: swap neighbours a few seconds apart, as webhooks do.
        var shuffled = observations
        var index = 0
        while index + 1 < shuffled.count {
            if shuffled[index + 1].timestamp.timeIntervalSince(shuffled[index].timestamp) < 30 {
                shuffled.swapAt(index, index + 1)
            }
            index += 3
        }
        #expect(shuffled != observations)
        #expect(Traffic.run(shuffled) == first)
    }

    @Test("Observations later than the allowed lateness are counted and ignored")
    func lateObservations() {
        var detector = CrisisDetector()
        let base = Date(timeIntervalSince1970: Traffic.origin)
        _ = detector.observe(DetectorObservation(timestamp: base, keys: ["k"]))
        _ = detector.observe(DetectorObservation(timestamp: base.addingTimeInterval(400), keys: ["k", "k"]))
        _ = detector.observe(DetectorObservation(timestamp: base.addingTimeInterval(10), keys: ["k"]))
        #expect(detector.lateObservations == 1)
        #expect(detector.observationCount == 2)
        #expect(detector.monitoredKeys == ["k"])
    }
}
