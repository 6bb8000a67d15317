import Foundation
import RapportCore
import RapportInsight
import RapportStore
import Testing

@testable import RapportIngest

@Suite("Demo incident")
struct DemoIncidentTests {
    /// The demo's rules with ids 1…7 (1 and 2 are Acme's).
    static func matcher() throws -> RuleMatcher {
        try RuleMatcher(
            rules: DemoScenario.rules.enumerated().map {
                ListeningRule(
                    id: Int64($0.offset + 1), name: $0.element.name, brand: $0.element.brand,
                    isCompetitor: $0.element.competitor, query: $0.element.query)
            })
    }

    /// Feeds analysed posts to `detector` as `AlertMonitor` does (ids in post order); returns the alerts opened.
    static func observe(_ mentions: [NewMention], into detector: inout CrisisDetector, firstID: inout Int64) -> [Alert]
    {
        var opened: [Alert] = []
        for item in mentions {
            firstID += 1
            let mention = Mention(
                id: firstID, authorID: 1, post: item.post, matchedRuleIDs: item.matchedRuleIDs,
                analysis: item.analysis, ingestedAt: item.post.createdAt)
            opened += detector.observe(AlertMonitor.observation(mention)).filter { $0.change == .opened }.map(\.alert)
        }
        return opened
    }

    @Test(
        "fed the demo's history then its live stream (simulated clock), the detector raises an Acme alert within five minutes of the demo's start, wherever the start falls on the 5-minute grid; without history it raises none",
        // 16:50 and 04:00 UTC: the audience's busy afternoon and its quietest hour.
        arguments: [1_765_039_800.0, 1_765_080_000.0])
    func incident(anchorSeconds: Double) throws {
        let matcher = try Self.matcher()
        let rate = DemoScenario.defaultRate
        // 30 hours of history at the demo's rate, past the detector's one-day warm-up, ending on a bucket boundary.
        let anchor = Date(timeIntervalSince1970: anchorSeconds)
        var learnt = CrisisDetector()
        var id: Int64 = 0
        let start = anchor.addingTimeInterval(-30 * 3_600)
        for index in -5 ... -1 {
            let chunk = DemoHistory.chunk(index, anchor: anchor, from: start, to: anchor, rate: rate)
            let posts = DemoHistory.posts(chunk.config, until: chunk.end).posts
            _ = Self.observe(DemoHistory.analyse(posts, matcher: matcher).mentions, into: &learnt, firstID: &id)
        }
        // The live stream starts at `anchor + lag` (the demo's `serve` starts `liveLead` later), for 12 minutes.
        for lag in [0.0, 60, 100, 150, 200, 240, 290] {
            let live = anchor.addingTimeInterval(lag)
            let posts = DemoHistory.posts(
                DemoScenario.live(start: live, rate: rate, duration: 720), until: live.addingTimeInterval(720)
            ).posts
            let mentions = DemoHistory.analyse(posts, matcher: matcher).mentions
            var detector = learnt
            var liveID = id
            let opened = Self.observe(mentions, into: &detector, firstID: &liveID).filter {
                ["rule:1", "rule:2"].contains($0.key)
            }
            let first = try #require(opened.first, "no Acme alert with the live stream \(lag) s past the grid")
            // Raised when a post a minute (the allowed lateness) past the bucket arrives: detectedAt + 60 s.
            let raised = first.detectedAt.addingTimeInterval(60)
            let serveStart = live.addingTimeInterval(DemoScenario.liveLead)
            #expect(
                raised.timeIntervalSince(serveStart) <= 300,
                "lag \(lag): raised \(raised.timeIntervalSince(serveStart)) s after start (\(first.kind) on \(first.key))"
            )

            // The same live stream on a detector with no history: too little history to alert on.
            var fresh = CrisisDetector()
            var freshID: Int64 = 0
            #expect(Self.observe(mentions, into: &fresh, firstID: &freshID).isEmpty)
        }
    }
}
