extension Double {
    /// `rounded()` (to nearest, halves away from zero), without the library call that
    /// `rounded()` compiles to on baseline x86-64 (which has no rounding instruction).
    ///
    /// Exact for 0 < x < 2^52: truncating to Int is exact, and so is `x - t` (t ≤ x < t + 1, so
    /// x and t are within a factor of two of each other, or t is 0); the fraction decides.
    /// Zeros are returned as they are (keeping -0.0); anything else (negative, huge, NaN) takes
    /// `rounded()`.
    @inline(__always) var roundedHalfAway: Double {
        guard self > 0 && self < 4_503_599_627_370_496 else { return self == 0 ? self : rounded() }
        let t = Double(Int(self))
        return self - t >= 0.5 ? t + 1 : t
    }
}

/// How many of the 64 ascending values at `row` are at or below `x`, by a branch-free bisection. Unused
/// entries must compare above every `x` (`Int.max`, or NaN for Doubles): the step tables of influence and
/// intent confidence.
@inline(__always) func countAtOrBelow<T: Comparable>(_ row: UnsafeMutablePointer<T>, _ x: T) -> Int {
    var i = 0
    var half = 32
    while half > 0 {
        if row[i + half - 1] <= x { i += half }
        half >>= 1
    }
    if row[i] <= x { i += 1 }
    return i
}
