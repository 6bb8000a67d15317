import Foundation

/// Upper-tail probabilities of the count models the detector tests against. All functions return
/// P(X ≥ x), clamped to 1 at or below the mean: the detector only ever asks about excess.
enum TailProbability {
    /// P(X ≥ x) for a negative binomial with mean `mean` and variance mean + φ·mean² (φ = 0: Poisson).
    ///
    /// Sums the probability mass from x upwards with the ratio recurrence; above the mean the ratio decreases
    /// (for φ ≤ 1), so the remainder is bounded by a geometric series and the sum stops when it is negligible.
    static func countAtLeast(_ x: Int, mean: Double, dispersion φ: Double) -> Double {
        guard x > 0 else { return 1 }
        guard mean > 0 else { return 0 }
        let k = Double(x)
        guard k > mean else { return 1 }
        let logMass: Double
        let ratio: (Double) -> Double
        if φ < 1e-9 {
            logMass = k * log(mean) - mean - lgamma(k + 1)
            ratio = { i in mean / (i + 1) }
        } else {
            let r = 1 / φ
            let p = mean / (mean + r)
            logMass = lgamma(k + r) - lgamma(r) - lgamma(k + 1) + r * log1p(-p) + k * log(p)
            ratio = { i in (i + r) / (i + 1) * p }
        }
        return sumTail(logMass: logMass, from: k, upTo: .infinity, ratio: ratio)
    }

    /// P(K ≥ k) for K ~ BetaBinomial(n, α = p·m, β = (1−p)·m): a binomial whose success probability itself
    /// varies around p with concentration m (m → ∞ gives the binomial).
    static func shareAtLeast(_ k: Int, of n: Int, baseline p: Double, concentration m: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n else { return 0 }
        let p = min(1 - 1e-9, max(1e-9, p))
        let kk = Double(k)
        let nn = Double(n)
        guard kk > nn * p else { return 1 }
        let a = p * m
        let b = (1 - p) * m
        let logChoose: Double = lgamma(nn + 1) - lgamma(kk + 1) - lgamma(nn - kk + 1)
        let logBeta: Double = lgamma(kk + a) + lgamma(nn - kk + b) - lgamma(nn + a + b)
        let logBetaPrior: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logMass = logChoose + logBeta - logBetaPrior
        return sumTail(logMass: logMass, from: kk, upTo: nn) { i in
            (nn - i) / (i + 1) * (i + a) / (nn - i - 1 + b)
        }
    }

    /// exp(logMass) × Σ_{i ≥ from} Π ratios, stopping when the geometric bound on the rest is negligible.
    private static func sumTail(
        logMass: Double, from start: Double, upTo end: Double, ratio: (Double) -> Double
    ) -> Double {
        var sum = 1.0
        var term = 1.0
        var i = start
        var steps = 0
        while i < end, steps < 1_000_000 {
            let q = ratio(i)
            term *= q
            sum += term
            i += 1
            steps += 1
            if q < 1, term * q / (1 - q) < 1e-12 * sum { break }
        }
        return min(1, exp(logMass + log(sum)))
    }
}
