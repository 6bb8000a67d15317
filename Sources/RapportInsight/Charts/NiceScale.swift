import Foundation

/// Axis bounds and ticks at "nice" steps (1, 2, 2.5 or 5 × 10ⁿ) covering a data range, after Heckbert's
/// "Nice numbers for graph labels" (Graphics Gems, 1990).
struct NiceScale: Sendable, Hashable {
    let lower: Double
    let upper: Double
    let step: Double
    /// Decimals needed to print the ticks exactly.
    let decimals: Int

    init(minimum: Double, maximum: Double, maximumTicks: Int = 6) {
        var low = minimum
        var high = maximum
        if !(low.isFinite && high.isFinite) { low = 0; high = 1 }
        if high < low { swap(&low, &high) }
        if high == low {
            if low == 0 { high = 1 } else if low > 0 { low = 0 } else { high = 0 }
        }
        let range = Self.nice(high - low, round: false)
        let step = Self.nice(range / Double(max(1, maximumTicks - 1)), round: true)
        self.step = step
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
        var decimals = 0
        while decimals < 10 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 { break }
            decimals += 1
        }
        self.decimals = decimals
    }

    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...max(0, count)).map { lower + Double($0) * step }
    }

    /// Maps a value to [0, 1] along the axis.
    func position(_ value: Double) -> Double {
        upper > lower ? (value - lower) / (upper - lower) : 0
    }

    private static func nice(_ value: Double, round: Bool) -> Double {
        guard value > 0 else { return 1 }
        let exponent = floor(log10(value))
        let fraction = value / pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * pow(10, exponent)
    }
}
