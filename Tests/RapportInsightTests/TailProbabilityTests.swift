import Foundation
import Testing

@testable import RapportInsight

@Suite("Tail probabilities and calendar")
struct TailProbabilityTests {
    @Test("Poisson upper tail matches reference values")
    func poisson() {
        // P(X ≥ 10 | λ = 5) = 0.0318281…; P(X ≥ 30 | λ = 10) = 2.50995e-7 (1 − Σ_{k<30} e^−10 10^k / k!).
        #expect(abs(TailProbability.countAtLeast(10, mean: 5, dispersion: 0) - 0.031_828_1) < 1e-6)
        #expect(abs(TailProbability.countAtLeast(30, mean: 10, dispersion: 0) / 2.509_95e-7 - 1) < 1e-4)
        #expect(TailProbability.countAtLeast(3, mean: 5, dispersion: 0) == 1)
        #expect(TailProbability.countAtLeast(1, mean: 0, dispersion: 0) == 0)
    }

    @Test("Negative binomial tends to Poisson and is heavier with dispersion")
    func negativeBinomial() {
        let poisson = TailProbability.countAtLeast(400, mean: 300, dispersion: 0)
        let nearly = TailProbability.countAtLeast(400, mean: 300, dispersion: 1e-6)
        #expect(abs(nearly / poisson - 1) < 0.05)
        #expect(TailProbability.countAtLeast(400, mean: 300, dispersion: 0.01) > 100 * poisson)
    }

    @Test("Beta-binomial tends to the binomial for a large concentration")
    func betaBinomial() {
        // Binomial(10, 0.5): P(K ≥ 7) = 176 / 1024.
        let binomial = 176.0 / 1024
        #expect(abs(TailProbability.shareAtLeast(7, of: 10, baseline: 0.5, concentration: 1e7) - binomial) < 1e-4)
        #expect(TailProbability.shareAtLeast(7, of: 10, baseline: 0.5, concentration: 20) > binomial)
        #expect(TailProbability.shareAtLeast(2, of: 10, baseline: 0.5, concentration: 20) == 1)
    }

    @Test("Thresholds follow the false-alarm budget")
    func thresholds() {
        let configuration = CrisisDetectorConfiguration()
        // 1 alarm / week / key, over 3 quantities × 3 windows × 2016 buckets.
        #expect(abs(configuration.threshold(for: .volumeSpike) - 1.0 / 3 / 3 / 2016) < 1e-12)
    }

    @Test("Seasonal slots use the audience's local time")
    func slots() {
        // 2025-11-20T00:00:00Z is a Thursday; the first 5-minute bucket's midpoint is 00:02:30.
        let utc = SeasonalSlot(bucketStart: Traffic.origin, bucketSeconds: 300, utcOffsetHours: 0)
        #expect(utc.weekday == 4 && utc.hour == 0 && abs(utc.hourPosition - 2.5 / 60) < 1e-9)
        let newYork = SeasonalSlot(bucketStart: Traffic.origin, bucketSeconds: 300, utcOffsetHours: -5)
        #expect(newYork.weekday == 3 && newYork.hour == 19)
    }
}
