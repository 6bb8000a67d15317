import ArgumentParser
import Foundation
import Logging
import RapportAnalysis
import RapportCore
import RapportFormats
import RapportIngest
import RapportServer
import RapportSimulation
import RapportStore

/// `rapport bench …`: the benchmarks behind BENCHMARKS.md, registered by the CLI.
public struct Bench: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Benchmarks (figures for BENCHMARKS.md).",
        subcommands: [
            BenchIngest.self, BenchAnalyze.self, BenchDesk.self, BenchDashboard.self, BenchKnowledgeBase.self,
        ])
}

struct BenchIngest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract:
            "Simulated X stream → parse → rules → analysis → store, against a raw batched insert of the same rows.")

    @Option(help: "Posts to drive through.") var count = 1_000_000
    @Option(help: "Listening rules to match against.") var rules = 200
    @Option(help: "Work directory (default: a temporary one).") var directory: String?
    @Option(help: "Database: sqlite (a file in the work directory) or a postgres:// URL.") var database = "sqlite"
    @Flag(help: "Analyse with the lexicon alone (no learned model): the before/after of issue #18.") var lexiconOnly =
        false

    func run() async throws {
        let analyzer = Analyzer(learnedSentiment: !lexiconOnly)
        print("sentiment: \(lexiconOnly ? "lexicon only" : "lexicon + learned model (shipped)")")
        let dir =
            directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let input = (dir as NSString).appendingPathComponent("x-stream.ndjson")
        print("generating \(count) simulated X stream lines into \(input) …")
        try generate(into: input)
        let sampleRules = SampleRules.generate(count: rules, seed: 7)
        let matcher = try RuleMatcher(rules: sampleRules)

        // 1. Parse + match alone, one core.
        let parseMatch = try measure {
            var reader = try LineReader(path: input)
            var matched = 0
            var n = 0
            var context = StreamContext()
            while let (line, _) = try reader.next() {
                if case .post(let post) = try PayloadParser.parseLine(.x, line, context: &context) {
                    n += 1
                    if !matcher.matchingRuleIDs(for: post).isEmpty { matched += 1 }
                }
            }
            return (n, matched)
        }
        print(
            String(
                format: "parse + match (%d rules, 1 core): %.0f posts/s (%d posts, %d matched a rule)", rules,
                Double(parseMatch.value.0) / parseMatch.seconds, parseMatch.value.0, parseMatch.value.1))

        // 1b. The same on both cores: batches of lines parsed and matched by two tasks.
        let parallel = try await parseAndMatchInParallel(input, matcher: matcher, workers: 2)
        print(
            String(
                format: "parse + match (%d rules, 2 cores): %.0f posts/s (%d posts, %d matched a rule)", rules,
                Double(parallel.posts) / parallel.seconds, parallel.posts, parallel.matched))

        // 2. End to end through the pipeline into a fresh database.
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let location = try benchLocation(dir, name: "e2e")
        let services = try await RapportServices.open(
            AppConfiguration(database: location), analyzer: analyzer, logger: logger)
        for rule in sampleRules {
            // Sample rule names repeat across brands; the store wants them unique.
            _ = try await services.rules.create(
                name: "\(rule.id) \(rule.name)", brand: rule.brand, isCompetitor: rule.isCompetitor, query: rule.query)
        }
        try await services.ruleBook.refresh()
        let pipeline = services.pipeline
        let writer = Task { try await pipeline.run() }
        let latencies = LatencyRecorder()
        let ingestor = FileIngestor(batchSize: 5_000) { posts, source, rejected in
            let started = ContinuousClock.now
            let receipt = try await pipeline.submit(posts, source: source, rejected: rejected)
            await latencies.record(ContinuousClock.now - started)
            return receipt
        }
        let started = ContinuousClock.now
        let summary = try await ingestor.ingest(path: input, format: .x)
        let e2eSeconds = (ContinuousClock.now - started).seconds
        pipeline.close()
        try await writer.value
        let e2eRate = Double(summary.read) / e2eSeconds
        let storedRate = Double(summary.stored) / e2eSeconds
        let (p50, p99) = await latencies.percentiles()
        print(
            String(
                format:
                    "end to end: %.0f posts/s read, %.0f mentions/s stored (read %d, stored %d, filtered %d, duplicate %d) in %.1f s",
                e2eRate, storedRate, summary.read, summary.stored, summary.filtered, summary.duplicates, e2eSeconds))
        print(String(format: "batch latency (5,000 posts): p50 %.1f ms, p99 %.1f ms", p50 * 1000, p99 * 1000))

        // 3. The physical limit: the same stored rows, raw multi-row inserts.
        let raw = RawInsert(database: services.database)
        try await raw.prepare()
        let triage = PostTriage(matcher: matcher, analyzer: analyzer)
        var reader = try LineReader(path: input)
        var context = StreamContext()
        var posts: [IncomingPost] = []
        var rawRows = 0
        var rawSeconds = 0.0
        func flushRaw() async throws {
            let kept = triage.triage(posts, source: "x").kept
            posts.removeAll(keepingCapacity: true)
            let t = ContinuousClock.now
            try await raw.insert(kept)
            rawSeconds += (ContinuousClock.now - t).seconds
            rawRows += kept.count
        }
        while let (line, _) = try reader.next() {
            if case .post(let post) = try PayloadParser.parseLine(.x, line, context: &context) { posts.append(post) }
            if posts.count >= 25_000 { try await flushRaw() }
        }
        try await flushRaw()
        await services.database.close()
        let rawRate = Double(rawRows) / rawSeconds
        print(String(format: "raw batched insert of the same %d rows: %.0f rows/s", rawRows, rawRate))
        // Two readings: the pipeline's throughput (posts/s through parse → match → store) against the
        // storage limit, and the stricter stored-rows-only comparison.
        print(String(format: "ratio end-to-end posts/s / raw insert rows/s: %.2f", e2eRate / rawRate))
        print(String(format: "ratio end-to-end stored mentions/s / raw insert rows/s: %.2f", storedRate / rawRate))
        print("peak memory (VmHWM): \(PeakMemory.describe())")
    }

    /// Parses and matches the file's lines on `workers` tasks, at most `workers` batches in flight.
    private func parseAndMatchInParallel(_ path: String, matcher: RuleMatcher, workers: Int) async throws -> (
        posts: Int, matched: Int, seconds: Double
    ) {
        let start = ContinuousClock.now
        var reader = try LineReader(path: path)
        var posts = 0
        var matched = 0
        try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            var inFlight = 0
            var batch: [[UInt8]] = []
            func launch(_ lines: [[UInt8]]) {
                group.addTask {
                    var context = StreamContext()
                    var n = 0
                    var m = 0
                    for line in lines {
                        if case .post(let post) = try PayloadParser.parseLine(.x, line, context: &context) {
                            n += 1
                            if !matcher.matchingRuleIDs(for: post).isEmpty { m += 1 }
                        }
                    }
                    return (n, m)
                }
            }
            while let (line, _) = try reader.next() {
                batch.append(Array(line))
                if batch.count == 10_000 {
                    if inFlight == workers, let (n, m) = try await group.next() {
                        posts += n
                        matched += m
                        inFlight -= 1
                    }
                    launch(batch)
                    inFlight += 1
                    batch.removeAll(keepingCapacity: true)
                }
            }
            launch(batch)
            for try await (n, m) in group {
                posts += n
                matched += m
            }
        }
        return (posts, matched, (ContinuousClock.now - start).seconds)
    }

    private func benchLocation(_ dir: String, name: String) throws -> DatabaseLocation {
        if database == "sqlite" {
            let path = (dir as NSString).appendingPathComponent("\(name).db")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return .sqlite(path: path)
        }
        return try DatabaseLocation(database)
    }

    private func generate(into path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var config = SimulationConfig(
            seed: 1, rate: 200, duration: Double(count) / 100, maxEvents: count, seasonality: 0)
        config.networkMix = [.x: 1]
        var buffer = ""
        for event in Simulator(config) {
            buffer += event.payload
            buffer += "\n"
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }
}

/// Times a block of work.
func measure<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
    let start = ContinuousClock.now
    let value = try body()
    return (value, (ContinuousClock.now - start).seconds)
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Batch latencies, for percentiles.
actor LatencyRecorder {
    private var samples: [Double] = []
    func record(_ d: Duration) { samples.append(d.seconds) }
    func percentiles() -> (Double, Double) {
        let s = samples.sorted()
        guard !s.isEmpty else { return (0, 0) }
        return (s[s.count / 2], s[min(s.count - 1, Int(Double(s.count) * 0.99))])
    }
}

/// Peak resident memory from /proc.
enum PeakMemory {
    static func describe() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}

struct BenchAnalyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze", abstract: "Full analysis over synthetic posts on one core (texts/s).")

    @Option(help: "Posts to analyse.") var count = 1_000_000
    @Option(help: "Write the corpus here (one text per line) for scripts/bench_vader.py, and exit.") var dumpCorpus:
        String?
    @Option(help: "Also time vaderSentiment on the first N of the same texts (python3; 0: skip).") var vaderCount =
        100_000

    func run() async throws {
        if let dumpCorpus {
            let texts = AnalysisBenchmark.corpus(count: count)
            try Data((texts.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: dumpCorpus))
            print("wrote \(texts.count) texts to \(dumpCorpus)")
            return
        }
        let result = AnalysisBenchmark.run(count: count) { done in
            if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("analysed \(done)\n".utf8)) }
        }
        print(
            String(
                format:
                    "analysed %d posts (%d bytes) on one core: %.2f s wall, %.0f texts/s; %.2f s thread CPU, %.0f texts/s",
                result.count, result.bytes, result.seconds, result.textsPerSecond, result.cpuSeconds,
                result.cpuTextsPerSecond))
        print("levels: " + Level.allCases.map { "\($0.rawValue) \(result.levels[$0] ?? 0)" }.joined(separator: ", "))
        print("peak memory (VmHWM): \(PeakMemory.describe())")
        if vaderCount > 0 { try compareWithVader(rapportRate: result.cpuTextsPerSecond) }
    }

    /// Times vaderSentiment (CPU time of its process, as `scripts/bench_vader.py` does) on the
    /// first `vaderCount` texts of the same corpus and prints its rate and the ratio.
    private func compareWithVader(rapportRate: Double) throws {
        guard Self.python(["-c", "import vaderSentiment"]).status == 0 else {
            print("vaderSentiment: not installed for python3, no ratio (pip install vaderSentiment)")
            return
        }
        let n = min(vaderCount, count)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-vader-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let texts = AnalysisBenchmark.corpus(count: n)
        try Data((texts.joined(separator: "\n") + "\n").utf8).write(to: file)
        let run = Self.python(["-c", Self.vaderScript, file.path])
        let fields = run.output.split(separator: " ")
        guard run.status == 0, fields.count == 2, let timed = Double(fields[0]), let cpu = Double(fields[1]), cpu > 0
        else {
            print("vaderSentiment: run failed, no ratio: \(run.output)")
            return
        }
        let vaderRate = timed / cpu
        print(
            String(
                format: "vaderSentiment: %d texts (the first of the same corpus) in %.2f s CPU: %.0f texts/s",
                Int(timed), cpu, vaderRate))
        print(String(format: "ratio: %.1f× vaderSentiment (thread CPU, same texts)", rapportRate / vaderRate))
    }

    /// Prints "<texts> <CPU seconds>" for `polarity_scores` over the file's lines.
    private static let vaderScript = """
        import sys, time
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        texts = [line.rstrip("\\n") for line in open(sys.argv[1], encoding="utf-8")]
        analyzer = SentimentIntensityAnalyzer()
        start = time.process_time()
        for t in texts:
            analyzer.polarity_scores(t)
        print(len(texts), f"{time.process_time() - start:.6f}")
        """

    /// Runs python3 (found on PATH) with `arguments`; its exit status and standard output.
    private static func python(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process.terminationStatus, output)
    }
}
