import Foundation
import Testing

@testable import RapportInsight

/// Expected values from numpy 2.4.6 / scipy 1.17.1; the script is reproduced in RegressionTests.swift.
@Suite("Statistics: distributions, percentiles, NPS, CSAT")
struct StatisticsTests {
    static func close(_ a: Double?, _ b: Double, relative: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= relative * max(1, abs(b))
    }

    @Test(
        "Student t quantiles match table values",
        arguments: [
            (1.0, 12.706204736174694), (2.0, 4.302652729749462), (3.0, 3.1824463052837078), (5.0, 2.5705818356363146),
            (10.0, 2.228138851986274), (30.0, 2.0422724563012378), (1000.0, 1.9623390808264083),
        ])
    func tQuantile975(df: Double, expected: Double) {
        // scipy.stats.t.ppf(0.975, df); printed tables: 12.706, 4.303, 3.182, 2.571, 2.228, 2.042, 1.962.
        #expect(Self.close(StudentT.quantile(0.975, degreesOfFreedom: df), expected, relative: 1e-10))
        #expect(Self.close(StudentT.quantile(0.025, degreesOfFreedom: df), -expected, relative: 1e-10))
    }

    @Test("Student t quantiles elsewhere, fractional df, cdf, and the normal limit")
    func tOther() {
        #expect(Self.close(StudentT.quantile(0.995, degreesOfFreedom: 4), 4.604094871349992, relative: 1e-10))
        #expect(Self.close(StudentT.quantile(0.9, degreesOfFreedom: 7), 1.4149239276505086, relative: 1e-10))
        #expect(Self.close(StudentT.quantile(0.999, degreesOfFreedom: 3), 10.214531852407383, relative: 1e-10))
        #expect(Self.close(StudentT.quantile(0.975, degreesOfFreedom: 7.5), 2.333039626864974, relative: 1e-10))
        #expect(Self.close(StudentT.cdf(2.0, degreesOfFreedom: 5), 0.9490302605850708, relative: 1e-12))
        #expect(Self.close(StudentT.cdf(-1.5, degreesOfFreedom: 12.3), 0.07941942338275546, relative: 1e-10))
        #expect(Self.close(StudentT.quantile(0.975, degreesOfFreedom: 1e9), 1.959963984540054, relative: 1e-9))
        // scipy.stats.t.ppf(0.975, 2.5e6): the Cornish–Fisher branch for huge ν.
        #expect(Self.close(StudentT.quantile(0.975, degreesOfFreedom: 2.5e6), 1.9599649334489975, relative: 1e-12))
        #expect(Self.close(NormalDistribution.quantile(0.975), 1.959963984540054, relative: 1e-14))
        #expect(Self.close(NormalDistribution.quantile(1e-10), -6.361340902404056, relative: 1e-12))
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
        #expect(StudentT.quantile(1, degreesOfFreedom: 3) == .infinity)
        #expect(StudentT.quantile(0.975, degreesOfFreedom: 0).isNaN)
        // Round trip over a grid.
        for df in [1.5, 3.0, 4.0, 17.0, 250.0] {
            for p in [0.6, 0.9, 0.99, 0.9999] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                #expect(Self.close(StudentT.cdf(t, degreesOfFreedom: df), p, relative: 1e-11), "df \(df) p \(p)")
            }
        }
    }

    @Test("Percentiles: linear interpolation and nearest rank on known inputs")
    func percentiles() {
        // numpy.percentile(d, q) and numpy.percentile(d, q, method="inverted_cdf").
        let durations: [Double] = [30, 45, 12, 300, 60, 75, 20, 600, 90, 15, 50]
        let linear = Percentiles(durations)
        #expect(linear.median == 50 && linear.p90 == 300 && linear.value(at: 0.25) == 25)
        let rank = Percentiles(durations, method: .nearestRank)
        #expect(rank.median == 50 && rank.p90 == 300 && rank.value(at: 0.25) == 20)
        let even = Percentiles([40, 10, 30, 20])
        #expect(even.median == 25 && even.p90 == 37)
        #expect(abs(even.value(at: 0.95)! - 38.5) < 1e-12)
        let evenRank = Percentiles([40, 10, 30, 20], method: .nearestRank)
        #expect(evenRank.median == 20 && evenRank.p90 == 40 && evenRank.value(at: 0) == 10)
        #expect(Percentiles([]).median == nil)
        #expect(Percentiles([7]).p90 == 7 && Percentiles([7], method: .nearestRank).median == 7)
        let withNaN = Percentiles([1, .nan, 3])
        #expect(withNaN.count == 2 && withNaN.ignoredCount == 1 && withNaN.median == 2)
        #expect(linear.minimum == 12 && linear.maximum == 600)
    }

    @Test("NPS counts, score and edge cases")
    func nps() {
        let nps = NPSScore(scores: [10, 9, 9, 8, 7, 6, 0, 3, 10, 11, -1])
        #expect(nps.promoters == 4 && nps.passives == 2 && nps.detractors == 3 && nps.invalid == 2)
        #expect(nps.total == 9)
        #expect(abs(nps.score! - 100.0 / 9) < 1e-12)
        #expect(NPSScore(scores: []).score == nil)
        #expect(NPSScore(scores: [9, 10, 10]).score == 100)
        #expect(NPSScore(scores: [0, 6]).score == -100)
        #expect(NPSScore(scores: [7, 8]).score == 0)
        #expect(NPSCategory(score: 6) == .detractor && NPSCategory(score: 7) == .passive)
        #expect(NPSCategory(score: 9) == .promoter && NPSCategory(score: 11) == nil)
        // 50 promoters, 30 passives, 20 detractors: NPS 30, Var = (0.5 + 0.2 − 0.09)/100 → ±1.96·7.81 = ±15.31.
        let sample = NPSScore(promoters: 50, passives: 30, detractors: 20)
        #expect(sample.score == 30)
        #expect(abs(sample.marginOfError95! - 100 * 1.959963984540054 * (0.61 / 100).squareRoot()) < 1e-9)
        #expect(NPSScore(scores: [10]).marginOfError95 == nil)
        #expect((sample + NPSScore(promoters: 0, passives: 0, detractors: 100)).score == -35)
    }

    @Test("CSAT share of 4–5, average and edge cases")
    func csat() {
        let csat = CSATScore(ratings: [5, 4, 4, 3, 1, 2, 5, 0, 6])
        #expect(csat.total == 7 && csat.satisfied == 4 && csat.invalid == 2)
        #expect(abs(csat.score! - 400.0 / 7) < 1e-12)
        #expect(abs(csat.average! - 24.0 / 7) < 1e-12)
        #expect(csat.distribution == [1, 1, 1, 2, 2])
        #expect(CSATScore(ratings: []).score == nil && CSATScore(ratings: []).average == nil)
        #expect(CSATScore(ratings: [5, 5]).score == 100 && CSATScore(ratings: [3]).score == 0)
        #expect(CSATScore(distribution: [0, 0, 0, 1]).total == 1)
        #expect((CSATScore(ratings: [1]) + CSATScore(ratings: [5])).average == 3)
    }
}

@Suite("Duration histogram percentiles")
struct DurationHistogramTests {
    @Test("a percentile lies within the bins of the order statistics around its rank, as the exact one does")
    func boundedByBins() throws {
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<300 {
            let n = 1 + trial % 60
            // Log-uniform from 1 s to ~12 days, as response times are spread.
            let values = (0..<n).map { _ in exp(Double.random(in: 0...13.8, using: &generator)) }
            var histogram = DurationHistogram()
            for v in values { histogram.add(seconds: v) }
            let sorted = values.sorted()
            for p in [0.0, 0.1, 0.5, 0.9, 1.0] {
                let h = Double(n - 1) * p
                let below = sorted[Int(h.rounded(.down))]
                let above = sorted[Int(h.rounded(.up))]
                let lower = DurationHistogram.range(ofBin: DurationHistogram.bin(of: below)).lower
                let upper = DurationHistogram.range(ofBin: DurationHistogram.bin(of: above)).upper
                let estimate = try #require(histogram.value(at: p))
                let exact = try #require(Percentiles(values).value(at: p))
                #expect(
                    estimate >= lower && estimate <= upper, "p=\(p) estimate \(estimate) outside [\(lower), \(upper)]")
                #expect(exact >= lower && exact <= upper)
            }
        }
    }

    @Test("bins: bounds are exclusive above, negative durations count as zero, the last bin is open")
    func bins() throws {
        #expect(DurationHistogram.bin(of: -5) == 0)
        #expect(DurationHistogram.bin(of: 29.999) == 0)
        #expect(DurationHistogram.bin(of: 30) == 1)
        #expect(DurationHistogram.bin(of: 10_000_000) == DurationHistogram.binCount - 1)
        var h = DurationHistogram()
        #expect(h.median == nil)
        h.add(seconds: 100, count: 3)  // bin [90, 120)
        let median = try #require(h.median)
        #expect(median > 90 && median < 120)
        var merged = DurationHistogram()
        merged.add(h)
        merged.add(h)
        #expect(merged.total == 6)
    }
}
