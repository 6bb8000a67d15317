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
        let posts = corpus(count: count)
        let analyzer = Analyzer()
        // Counted per level in a plain array (a Dictionary would hash every post's level).
        var counts = [0, 0, 0, 0]
        var bytes = 0
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = ThreadCPUClock.seconds()
        for (i, text) in posts.enumerated() {
            let result = analyzer.analyze(AnalysisInput(text: text, followers: (i % 97) * 3_000))
            switch result.level {
            case .noise: counts[0] += 1
            case .relevant: counts[1] += 1
            case .attention: counts[2] += 1
            case .urgent: counts[3] += 1
            }
            bytes += text.utf8.count
            if (i + 1) % 100_000 == 0 { progress?(i + 1) }
        }
        let elapsed = clock.now - start
        let cpu = ThreadCPUClock.seconds() - cpuStart
        // The corpus is freed after the clocks stop, as it was made before they started (Swift may
        // otherwise free it right after its last use, inside the timed span).
        withExtendedLifetime(posts) {}
        var levels: [Level: Int] = [:]
        for (k, level) in [Level.noise, .relevant, .attention, .urgent].enumerated() where counts[k] > 0 {
            levels[level] = counts[k]
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return AnalysisBenchmarkResult(count: count, bytes: bytes, seconds: seconds, cpuSeconds: cpu, levels: levels)
    }
}
