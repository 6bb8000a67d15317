import Foundation
import Testing

@testable import RapportInsight

@Suite("Experience: sentiment turnaround, satisfaction → revenue")
struct SatisfactionRevenueTests {
    static let t0 = Date(timeIntervalSince1970: 1_760_000_000)
    static func at(_ hours: Double) -> Date { t0.addingTimeInterval(hours * 3_600) }

    @Test("turnaround compares the customer's mean sentiment before and after the first agent reply")
    func turnaround() {
        typealias C = SentimentTurnaround.Conversation
        let conversations = [
            // Angry, then content: turned around.
            C(
                firstReplyAt: Self.at(1),
                scores: [
                    .init(at: Self.at(0), value: -0.8), .init(at: Self.at(0.5), value: -0.4),
                    .init(at: Self.at(2), value: 0.3),
                ]),
            // Angry before and after.
            C(
                firstReplyAt: Self.at(1),
                scores: [.init(at: Self.at(0), value: -0.4), .init(at: Self.at(3), value: -0.5)]),
            // Happy from the start: measured, not negative.
            C(
                firstReplyAt: Self.at(1),
                scores: [.init(at: Self.at(0), value: 0.5), .init(at: Self.at(2), value: 0.6)]),
            // No reply, or nothing after it: not measured.
            C(firstReplyAt: nil, scores: [.init(at: Self.at(0), value: -0.9)]),
            C(firstReplyAt: Self.at(5), scores: [.init(at: Self.at(0), value: -0.9)]),
        ]
        let t = SentimentTurnaround(conversations)
        #expect(t.measured == 3)
        #expect(t.startedNegative == 2)
        #expect(t.turnedAround == 1)
        #expect(t.turnedAroundShare == 0.5)
        #expect(abs((t.meanBefore ?? 0) - (-0.6 - 0.4 + 0.5) / 3) < 1e-12)
        #expect(abs((t.meanAfter ?? 0) - (0.3 - 0.5 + 0.6) / 3) < 1e-12)
        #expect(SentimentTurnaround([]).turnedAroundShare == nil)
    }

    /// Customers 1…n answer NPS at t0; each spends `spend(score)` once, 10 days later.
    static func data(
        scores: [Int], spend: (Int, Int) -> Double
    ) -> ([SatisfactionRevenue.Observation], [SatisfactionRevenue.Purchase]) {
        var observations: [SatisfactionRevenue.Observation] = []
        var purchases: [SatisfactionRevenue.Purchase] = []
        for (i, score) in scores.enumerated() {
            let id = Int64(i + 1)
            observations.append(.init(customerID: id, at: t0, value: Double(score)))
            let amount = spend(score, i)
            if amount > 0 { purchases.append(.init(customerID: id, at: at(240), amount: amount)) }
        }
        return (observations, purchases)
    }

    @Test("cohorts: promoters vs passives vs detractors on later spend and retention, with Welch intervals")
    func cohorts() throws {
        let scores = (0..<60).map { [10, 9, 8, 7, 5, 2][$0 % 6] }
        // Promoters spend about 100, passives 60, detractors 20 (± a deterministic wobble); every 4th detractor
        // buys nothing.
        let (obs, purchases) = Self.data(scores: scores) { score, i in
            let wobble = Double(i % 5) - 2
            if score >= 9 { return 100 + wobble }
            if score >= 7 { return 60 + wobble }
            return i % 4 == 0 ? 0 : 20 + wobble
        }
        let later = Self.t0.addingTimeInterval(100 * 86_400)
        let report = SatisfactionRevenue(
            nps: obs, csat: [], sentimentAfter: [], purchases: purchases, windowDays: 90, now: later)
        let spend = try #require(report.nps.spend.value)
        #expect(spend.reference == "detractors")
        let promoters = try #require(spend.group(named: "promoters"))
        #expect(promoters.summary.count == 20)
        let welch = try #require(promoters.versusReference)
        #expect(welch.difference > 70)
        #expect(welch.confidenceInterval.lower > 0, "the gap is far outside noise")
        // The same comparison as the statistics module gives directly.
        let promoterSpend: [Double] = (0..<60).filter { scores[$0] >= 9 }.map { 100 + Double($0 % 5) - 2 }
        let detractorSpend: [Double] = (0..<60).filter { scores[$0] < 7 }.map { i -> Double in
            i % 4 == 0 ? 0 : 20 + Double(i % 5) - 2
        }
        let direct = try CohortComparison(
            samples: [
                CohortSample(name: "promoters", values: promoterSpend),
                CohortSample(name: "detractors", values: detractorSpend),
            ], reference: "detractors")
        #expect(abs(direct.group(named: "promoters")!.versusReference!.difference - welch.difference) < 1e-9)
        let retention = try #require(report.nps.retention.value)
        #expect(retention.group(named: "promoters")?.summary.mean == 1)
        #expect((retention.group(named: "detractors")?.summary.mean ?? 1) < 1)
        // CSAT had no answers: refused, with the reason.
        #expect(report.csat.spend.value == nil)
        #expect(report.csat.spend.refusal?.contains("Too few") == true)
        #expect(report.csatElasticity.value == nil)
    }

    @Test("answers whose follow-up window has not ended are left out, and each customer counts once")
    func windows() {
        var obs = (1...30).map { SatisfactionRevenue.Observation(customerID: Int64($0), at: Self.t0, value: 9) }
        // Customer 1 answered again later (complete window): only that answer counts.
        obs.append(.init(customerID: 1, at: Self.at(24), value: 3))
        // Customer 2 answered again too recently: left out, the earlier one counts.
        obs.append(.init(customerID: 2, at: Self.at(24 * 95), value: 0))
        let now = Self.t0.addingTimeInterval(100 * 86_400)
        let report = SatisfactionRevenue(
            nps: obs, csat: [], sentimentAfter: [], purchases: [], windowDays: 90, now: now, minimumGroup: 1,
            minimumPairs: 3)
        #expect(report.incompleteWindows == 1)
        #expect(report.nps.customers == 30)
        // One detractor (customer 1), no passive → the passives group is too small even with minimum 1.
        #expect(report.nps.spend.value == nil)
        #expect(report.nps.spend.refusal?.contains("passives 0") == true)
    }

    @Test("regression of later spend on the score and the CSAT elasticity recover a known relation")
    func regression() throws {
        // CSAT 1…5, spend = 20·rating + a wobble that averages out: slope 20 per point.
        let ratings = (0..<50).map { $0 % 5 + 1 }
        let (obs, purchases) = Self.data(scores: ratings) { r, i in 20 * Double(r) + Double(i % 3) - 1 }
        let report = SatisfactionRevenue(
            nps: [], csat: obs, sentimentAfter: [], purchases: purchases, windowDays: 30,
            now: Self.t0.addingTimeInterval(31 * 86_400))
        let slope = try #require(report.csatSlope.value)
        #expect(abs(slope.regression.slope.estimate - 20) < 0.5)
        #expect(slope.regression.slope.confidenceInterval.contains(20))
        let direct = try LinearRegression(
            x: ratings.map(Double.init), y: ratings.enumerated().map { 20 * Double($1) + Double($0 % 3) - 1 })
        #expect(abs(direct.slope.estimate - slope.regression.slope.estimate) < 1e-9)
        #expect(abs(slope.percentPerPoint - 100 * slope.regression.slope.estimate / slope.meanSpend) < 1e-9)
        // Spend proportional to the rating: elasticity ≈ 1, so +5 % satisfaction ≈ +5 % spend.
        let elasticity = try #require(report.csatElasticity.value)
        #expect(abs(elasticity.estimate.elasticity.estimate - 1) < 0.05)
        #expect(abs(elasticity.fivePercent.outcomeChangePercent - 5) < 0.3)
        #expect(elasticity.spenders == 50)
        // Too few customers for a fit: refused.
        let small = SatisfactionRevenue(
            nps: [], csat: Array(obs.prefix(5)), sentimentAfter: [], purchases: purchases, windowDays: 30,
            now: Self.t0.addingTimeInterval(31 * 86_400))
        #expect(small.csatSlope.value == nil)
        #expect(small.csatSlope.refusal?.contains("Too few customers (5") == true)
    }
}
