import Foundation

/// Student's t distribution with ν degrees of freedom (ν > 0, not necessarily an integer: Welch's test
/// produces fractional ν).
///
/// The cdf uses the regularized incomplete beta function, P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2). The quantile is
/// exact in closed form for ν = 1 and ν = 2; otherwise it starts from the Cornish–Fisher expansion around the
/// normal quantile and is polished by safeguarded Newton steps on the upper tail (bisection whenever a step
/// leaves the bracket), to a relative accuracy of about 1e-12; above ν = 1e5 the expansion alone is exact to machine
/// precision. For ν > 1e7 the normal distribution is used.
public enum StudentT {
    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom ν: Double) -> Double {
        if t.isNaN || ν.isNaN { return .nan }
        if ν > 1e7 { return NormalDistribution.cdf(t) }
        let tail = upperTail(abs(t), ν)
        return t >= 0 ? 1 - tail : tail
    }

    /// P(T > t) for t ≥ 0, accurate far in the tail (no 1 − x cancellation).
    static func upperTail(_ t: Double, _ ν: Double) -> Double {
        if t.isInfinite { return 0 }
        if ν > 1e7 { return 0.5 * erfc(t / 2.0.squareRoot()) }
        return 0.5 * IncompleteBeta.regularized(ν / (ν + t * t), a: ν / 2, b: 0.5)
    }

    /// The density at t.
    public static func pdf(_ t: Double, degreesOfFreedom ν: Double) -> Double {
        if ν > 1e7 { return NormalDistribution.pdf(t) }
        let logDensity =
            lgamma((ν + 1) / 2) - lgamma(ν / 2) - 0.5 * log(ν * Double.pi)
            - (ν + 1) / 2 * log1p(t * t / ν)
        return exp(logDensity)
    }

    /// Two-sided p-value of an observed statistic t: P(|T| ≥ |t|).
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom ν: Double) -> Double {
        if t.isNaN { return .nan }
        return min(1, 2 * upperTail(abs(t), ν))
    }

    /// The p-quantile: t with P(T ≤ t) = p. E.g. `quantile(0.975, degreesOfFreedom: 5)` = 2.5705818….
    /// Returns ∓∞ at p = 0 / 1 and NaN for p outside [0, 1] or ν ≤ 0.
    public static func quantile(_ p: Double, degreesOfFreedom ν: Double) -> Double {
        guard ν > 0, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let sign: Double = p > 0.5 ? 1 : -1
        let tail = min(p, 1 - p)  // target upper-tail probability of |t|
        return sign * upperQuantile(tail, ν)
    }

    /// t > 0 with P(T > t) = α, for 0 < α < 0.5.
    private static func upperQuantile(_ α: Double, _ ν: Double) -> Double {
        if ν > 1e7 { return -NormalDistribution.quantile(α) }
        if ν == 1 { return tan(Double.pi * (0.5 - α)) }
        if ν == 2 {
            let q = 1 - α
            return (2 * q - 1) / (2 * q * (1 - q)).squareRoot()
        }
        // Cornish–Fisher start.
        let z = -NormalDistribution.quantile(α)
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        var t = z + g1 / ν + g2 / (ν * ν) + g3 / (ν * ν * ν) + g4 / (ν * ν * ν * ν)
        // Beyond 1e5 the expansion's error (order ν⁻⁵) is far below machine precision, while the incomplete
        // beta of huge parameters loses a few digits.
        if ν > 1e5 { return t }
        // Bracket [lo, hi] with upperTail(lo) ≥ α ≥ upperTail(hi).
        var lo = 0.0
        var hi = max(2 * t, 1.0)
        while upperTail(hi, ν) > α { lo = hi; hi *= 2 }
        if !(t > lo && t < hi) { t = (lo + hi) / 2 }
        for _ in 0..<200 {
            let f = upperTail(t, ν) - α
            if f > 0 { lo = t } else { hi = t }
            let density = pdf(t, degreesOfFreedom: ν)
            var next = t + f / density
            if !(next > lo && next < hi) || density == 0 { next = (lo + hi) / 2 }
            if abs(next - t) <= 1e-13 * abs(next) { return next }
            t = next
        }
        return t
    }
}
