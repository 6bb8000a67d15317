import RapportAnalysis

/// What `rapport bench analyze` prints.
public struct AnalysisBenchmarkResult: Sendable, Hashable {
    public var count: Int
    public var bytes: Int
    /// Wall-clock seconds of the timed loop.
    public var seconds: Double
    public var textsPerSecond: Double { seconds > 0 ? Double(count) / seconds : 0 }
    /// CPU seconds the benchmark thread spent in the timed loop (what to compare on a loaded machine).
    public var cpuSeconds: Double = 0
    public var cpuTextsPerSecond: Double { cpuSeconds > 0 ? Double(count) / cpuSeconds : 0 }
    /// How many posts landed in each level: a checksum that the work was really done.
    public var levels: [Level: Int]
}

/// The analysis benchmark: the full `Analyzer.analyze` over a deterministic synthetic corpus,
/// on the calling thread (one core). Corpus generation is not timed.
public enum AnalysisBenchmark {
    /// The benchmark's posts, deterministic for a given count; print them for
    /// `scripts/bench_vader.py` so VADER is timed on the very same texts.
    public static func corpus(count: Int) -> [String] {
        var generator = SyntheticPosts()
        return (0..<count).map { _ in generator.post() }
    }

    /// Analyses `count` posts (≥ 1,000,000 for the recorded figure); `progress` is called with
    /// the number done every 100,000 posts.
    public static func run(count: Int, progress: ((Int) -> Void)? = nil) -> AnalysisBenchmarkResult {
        // The inputs are made before the clocks start, as the corpus is: building each post's
        // `AnalysisInput` inside the loop copied and destroyed its String there (more reference
        // counting per post than passing a ready input: ~7 % of the loop's samples), which is not
        // analysis.
        let inputs = corpus(count: count).enumerated().map { i, text in
            AnalysisInput(text: text, followers: (i % 97) * 3_000)
        }
        let bytes = inputs.reduce(0) { $0 + $1.text.utf8.count }
        let analyzer = Analyzer()
        // Counted per level in a plain array (a Dictionary would hash every post's level).
        var counts = [0, 0, 0, 0]
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = ThreadCPUClock.seconds()
        // Passing `inputs[i]` still copies the input (a retain and a release of its String, as any
        // caller's would); moving it out of the array and back was tried and was slower.
        for i in 0..<inputs.count {
            let result = analyzer.analyze(inputs[i])
            switch result.level {
            case .noise: counts[0] += 1
            case .relevant: counts[1] += 1
            case .attention: counts[2] += 1
            case .urgent: counts[3] += 1
            }
            if (i + 1) % 100_000 == 0 { progress?(i + 1) }
        }
        let elapsed = clock.now - start
        let cpu = ThreadCPUClock.seconds() - cpuStart
        // The inputs are freed after the clocks stop, as they were made before they started (Swift
        // may otherwise free them right after their last use, inside the timed span).
        withExtendedLifetime(inputs) {}
        var levels: [Level: Int] = [:]
        for (k, level) in [Level.noise, .relevant, .attention, .urgent].enumerated() where counts[k] > 0 {
            levels[level] = counts[k]
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return AnalysisBenchmarkResult(count: count, bytes: bytes, seconds: seconds, cpuSeconds: cpu, levels: levels)
    }
}
