import Foundation
import RapportAnalysis
import RapportCore
import RapportDesk
import RapportSimulation
import RapportStore

/// The desk's past in the demo: a sample (`share`) of the stored history mentions the desk admits is threaded and
/// routed as the intake does it (routing rules, teams, SLA policies of `DemoDesk`), at its own time; then the assigned agent answers
/// after a delay that depends on the priority, the customer often answers back, the agent resolves, and some
/// customers answer a survey, their score following how fast and how well they were helped. Draws are seeded
/// by the mention id, so a resumed run plans the same past. What would happen after the anchor is left out: the
/// newest conversations are still waiting when the demo starts.
public struct DemoDeskHistory: Sendable {
    let mentions: MentionStore
    let writer: PastDeskWriter
    /// Share of the admitted mentions that reach the desk's past. The simulated brand's own channels bring far
    /// more messages than the demo's three agents could have answered, so a sample of them stands for the desk's
    /// month; the live stream is not sampled.
    public let share: Double

    public init(database: Database, share: Double = 0.05) {
        mentions = MentionStore(database: database)
        writer = PastDeskWriter(database: database)
        self.share = share
    }

    /// Whether `mention` is in the sample: a hash of its id, so the same mentions on every run.
    func sampled(_ mention: Mention) -> Bool {
        var random = SplitMix64(state: UInt64(bitPattern: mention.id) ^ 0xD35C_0FFE)
        return Double.random(in: 0..<1, using: &random) < share
    }

    /// Writes the conversations of the admitted mentions posted in [start, end), oldest first, `batch` mentions
    /// per transaction; mentions already on the desk are skipped.
    public func write(
        from start: Date, to end: Date, batch: Int = 200, progress: @Sendable (Double) -> Void = { _ in }
    ) async throws -> PastDeskWriter.Counts {
        var total = PastDeskWriter.Counts()
        var cursor: MentionCursor?
        let span = max(1, end.timeIntervalSince(start))
        repeat {
            let page = try await mentions.chronological(since: start, until: end, limit: 2_000, after: cursor)
            let admitted = page.items.filter { DeskAdmission.admits($0.post, analysis: $0.analysis) && sampled($0) }
            for offset in stride(from: 0, to: admitted.count, by: batch) {
                let group = Array(admitted[offset..<min(offset + batch, admitted.count)])
                let counts = try await writer.write(group, until: end, outcome: Self.outcome)
                total.conversations += counts.conversations
                total.replies += counts.replies
                total.resolved += counts.resolved
                total.surveys += counts.surveys
            }
            cursor = page.nextCursor
            if let last = page.items.last {
                progress(min(1, last.post.createdAt.timeIntervalSince(start) / span))
            }
        } while cursor != nil
        progress(1)
        return total
    }

    /// What the desk did after `mention`: a pure function of the mention (and its id as the seed).
    static func outcome(_ mention: Mention) -> PastDeskWriter.Outcome? {
        var random = SplitMix64(state: UInt64(bitPattern: mention.id) &* 0x9E37_79B9_7F4A_7C15 &+ 17)
        func unit() -> Double { Double.random(in: 0..<1, using: &random) }
        func logNormal(median: Double, spread: Double) -> Double {
            let normal = (-2 * log(max(unit(), 1e-12))).squareRoot() * cos(2 * .pi * unit())
            return median * exp(spread * normal)
        }
        let level = mention.analysis?.level
        let sentiment = mention.analysis?.sentiment.score ?? 0
        // Median first response: 6 minutes when urgent, 20 when it needs attention, 50 otherwise.
        let median: Double =
            switch level {
            case .urgent: 360
            case .attention: 1_200
            default: 3_000
            }
        let replyAfter = min(20 * 3_600, max(60, logNormal(median: median, spread: 0.9)))
        let fast = replyAfter < median
        let reply =
            sentiment < -0.05
            ? "Sorry about this. I have looked into your account and fixed it; tell us if anything is still wrong."
            : (sentiment > 0.3
                ? "Thank you, that is kind of you to say! We have passed it on to the team."
                : "Thanks for getting in touch. Here is what you need, and we are here if anything else comes up.")
        // Happier after a quick answer; a slow one leaves some customers still upset.
        let after = max(-0.95, min(0.95, sentiment * 0.3 + (fast ? 0.45 : -0.05) + 0.35 * (unit() - 0.5)))
        let followUp: (text: String, sentiment: Double, after: TimeInterval)? =
            unit() < 0.6
            ? (
                after > 0.05 ? "Thanks, that works now!" : (after < -0.05 ? "Still not right, this is poor." : "OK."),
                after > 0.05 || after < -0.05 ? after : 0, 300 + unit() * 5_400
            ) : nil
        let resolveAfter = unit() < 0.93 ? 600 + unit() * 6 * 3_600 : nil
        var survey: (kind: SurveyKind, score: Int, after: TimeInterval)?
        if unit() < 0.3 {
            let satisfaction = 0.5 + 0.5 * after + (fast ? 0.1 : -0.1) + 0.15 * (unit() - 0.5)
            if unit() < 0.7 {
                survey = (.csat, min(5, max(1, Int((1 + 4 * satisfaction).rounded()))), 1_800 + unit() * 86_400)
            } else {
                survey = (.nps, min(10, max(0, Int((10 * satisfaction).rounded()))), 1_800 + unit() * 86_400)
            }
        }
        return PastDeskWriter.Outcome(
            replyAfter: replyAfter, reply: reply, followUp: followUp, resolveAfter: resolveAfter, survey: survey)
    }
}
