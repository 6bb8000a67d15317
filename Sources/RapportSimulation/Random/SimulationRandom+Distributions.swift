import Foundation

extension RandomNumberGenerator {
    /// A uniform double in [0, 1) with 53 bits of precision.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A uniform integer in `0..<upperBound` (multiply-shift; the bias is negligible for simulation sizes).
    mutating func below(_ upperBound: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(upperBound).multipliedFullWidth(by: next())).high)
    }

    /// An exponential variate with the given rate (events per unit).
    mutating func exponential(rate: Double) -> Double {
        -log(1 - unit()) / rate
    }

    /// A standard normal variate (Box–Muller; one of the pair is discarded to keep the generator stateless).
    mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-60)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A Pareto variate with scale `minimum` and shape `alpha` (heavier tail for smaller alpha).
    mutating func pareto(minimum: Double, alpha: Double) -> Double {
        minimum / pow(1 - unit(), 1 / alpha)
    }

    /// An element of `items` picked uniformly.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}

/// Cumulative weights for picking an index in proportion to its weight, in O(log n).
struct WeightedTable: Sendable {
    private let cumulative: [Double]

    /// Builds the table; negative weights count as zero, and an all-zero table always picks index 0.
    init(_ weights: [Double]) {
        var running = 0.0
        var sums: [Double] = []
        sums.reserveCapacity(weights.count)
        for weight in weights {
            running += max(0, weight)
            sums.append(running)
        }
        cumulative = running > 0 ? sums.map { $0 / running } : sums.map { _ in 1 }
    }

    /// The picked index.
    func pick(_ rng: inout some RandomNumberGenerator) -> Int {
        let u = rng.unit()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > u { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
