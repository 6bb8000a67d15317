import Testing

@testable import RapportAnalysis

/// Counts and values come from strangers' payloads: extreme ones are analysed, never trapped on.
@Suite("Extreme numbers from payloads")
struct HostileNumbersTests {
    @Test("Int.max counts, huge customer values and odd ages give an analysis, not a crash")
    func extremes() {
        let analyzer = Analyzer()
        for value in [1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 9.3e18, 5_000] {
            for count in [Int.max, Int.min, 0, 100] {
                for age in [0.0, -1, 1e300, 0.5] {
                    let analysis = analyzer.analyze(
                        AnalysisInput(
                            text: "Terrible service, I want a refund now!", followers: count, following: count,
                            verified: true, likes: count, reposts: count, replies: count, quotes: count,
                            ageMinutes: age, customerValue: value))
                    #expect((0...100).contains(analysis.influence))
                }
            }
        }
        #expect(PriorityRules.clampedInt(1e300) == .max && PriorityRules.clampedInt(-1e300) == .min)
        #expect(PriorityRules.clampedInt(.nan) == 0 && PriorityRules.clampedInt(1234.9) == 1234)
    }
}
