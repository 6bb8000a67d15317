import Testing

@testable import RapportAnalysis

/// `roundedHalfAway` replaces `rounded()` in the analyser: it must give the very same Double.
@Suite struct FastMathTests {
    @Test func roundedHalfAwayEqualsRounded() {
        var values: [Double] = [
            0, -0.0, 0.5, 1.5, 2.5, 0.49999999999999994, 99.5, 100, 4_503_599_627_370_495.5,
            4_503_599_627_370_496, 9_007_199_254_740_993, -0.5, -2.5, .infinity, -.infinity,
            .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        for k in 0...20_000 {
            let half = Double(k) / 2
            values += [half, half.nextUp, half.nextDown, Double(k) / 100 * 100, Double(k) * 0.01 * 100]
        }
        var state: UInt64 = 0x1234_5678
        for _ in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(state >> 11) / Double(1 << 53) * 1_000)
        }
        for x in values {
            #expect(x.roundedHalfAway.bitPattern == x.rounded().bitPattern, "\(x)")
        }
        #expect(Double.nan.roundedHalfAway.isNaN)
    }
}
