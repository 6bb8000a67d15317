import Foundation
import RapportAnalysis
import RapportCore
import RapportFormats
import RapportSimulation
import RapportStore

/// The demo's past: thirty days (what the dashboard's longest preset shows) of the simulator's stream (its daily and weekly rhythm) stored as mentions through
/// the ingest's own steps — rules, analysis with author history, the batched insert that keeps the rollups — with
/// the posts' own timestamps; then the desk's past conversations (`DemoDeskHistory`). The detector learns from
/// these mentions by replaying them from storage (`AlertMonitor.replay`), so a restart learns the same way.
public struct DemoHistory: Sendable {
    /// Days of history.
    public static let days = 30.0
    /// Days before the anchor the detector learns from before the live stream starts: a week, the length of
    /// its day-of-week profile (docs/crisis-detection.md); written first, so the older weeks can follow in the
    /// background.
    public static let detectorDays = 7.0
    /// Simulated hours per generated chunk (each a `Simulator` of its own, seeded from the anchor and its index).
    public static let chunkHours = 6.0
    public static let source = "demo-history"
    public static let seed: UInt64 = 20_261_207

    let database: Database
    let mentions: MentionStore
    let ruleBook: RuleBook
    /// Simulated posts per second, weekly mean.
    public let rate: Double

    public init(database: Database, mentions: MentionStore, ruleBook: RuleBook, rate: Double) {
        self.database = database
        self.mentions = mentions
        self.ruleBook = ruleBook
        self.rate = rate
    }

    /// What a run of `writeMentions` did.
    public struct Counts: Sendable, Equatable {
        public var read = 0
        public var stored = 0
        public var duplicates = 0
    }

    /// One chunk of simulated posts, parsed and analysed, ready to store.
    public struct Prepared: Sendable {
        public var mentions: [NewMention]
        public var counts: IngestCounts
        /// End of the chunk (the posts' ingest time).
        public var end: Date
    }

    /// Stores the simulated mentions written in [start, end) of the history anchored at `anchor`, oldest first,
    /// one chunk per transaction; the next chunk is generated and analysed on the other core meanwhile.
    /// `progress` gets the share done after each chunk. Mentions already stored (a resumed run) are skipped by
    /// the store (same network and id).
    public func writeMentions(
        from start: Date, to end: Date, anchor: Date, progress: @Sendable (Double) -> Void = { _ in }
    ) async throws -> Counts {
        let chunk = Self.chunkHours * 3_600
        let first = Int((start.timeIntervalSince(anchor) / chunk).rounded(.down))
        let last = Int((end.timeIntervalSince(anchor) / chunk).rounded(.up))
        let indexes = Array(first..<last)
        guard !indexes.isEmpty else { return Counts() }
        var counts = Counts()
        let matcher = ruleBook.matcher
        var next: Task<Prepared, any Error>? = prepare(indexes[0], anchor: anchor, from: start, to: end, matcher)
        for (position, index) in indexes.enumerated() {
            if Task.isCancelled { throw CancellationError() }
            guard let current = try await next?.value else { break }
            next =
                position + 1 < indexes.count
                ? prepare(indexes[position + 1], anchor: anchor, from: start, to: end, matcher) : nil
            let result = try await mentions.insert(
                current.mentions, counters: [Self.source: current.counts], now: current.end, queueForDesk: false)
            counts.read += current.counts.received
            counts.stored += result.stored.count
            counts.duplicates += result.duplicates
            progress(Double(position + 1) / Double(indexes.count))
        }
        return counts
    }

    /// Generates, parses and analyses chunk `index` (clipped to [start, end)) in a task of its own.
    private func prepare(_ index: Int, anchor: Date, from start: Date, to end: Date, _ matcher: RuleMatcher)
        -> Task<Prepared, any Error>
    {
        let rate = self.rate
        let store = mentions
        return Task {
            let (config, chunkEnd) = Self.chunk(index, anchor: anchor, from: start, to: end, rate: rate)
            let (posts, rejected, candidates) = await Self.offPool {
                let (posts, rejected) = Self.posts(config, until: chunkEnd)
                let (candidates, _) = PostTriage(matcher: matcher, analyzer: Analyzer()).select(posts)
                return (posts, rejected, candidates)
            }
            let histories =
                candidates.isEmpty ? [:] : try await store.authorHistories(candidates.map(\.post.author))
            var prepared = await Self.offPool {
                Self.analyse(posts, rejected: rejected, matcher: matcher, histories: histories)
            }
            prepared.end = chunkEnd
            return prepared
        }
    }

    /// Runs CPU-heavy work on a Dispatch thread, not on Swift concurrency's cooperative pool (one thread per core):
    /// a chunk's generation and analysis there starved every other task — the server's requests, the alert monitor
    /// — while the history was written.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }

    /// The simulator of chunk `index` (relative to `anchor`, clipped to [start, end)) and the chunk's end: one
    /// simulator per chunk, so the same anchor and index give the same posts and ids on every run.
    public static func chunk(_ index: Int, anchor: Date, from start: Date, to end: Date, rate: Double)
        -> (config: SimulationConfig, end: Date)
    {
        let chunk = chunkHours * 3_600
        let chunkStart = max(start, anchor.addingTimeInterval(Double(index) * chunk))
        let chunkEnd = min(end, anchor.addingTimeInterval(Double(index + 1) * chunk))
        let config = SimulationConfig(
            seed: seed &+ UInt64(bitPattern: Int64(index)), start: chunkStart, rate: rate,
            duration: max(1, chunkEnd.timeIntervalSince(chunkStart)), seasonality: 1)
        return (config, chunkEnd)
    }

    /// The simulated posts of `config` dated before `end`, parsed as the ingest parses them, and the number of
    /// payloads the parser refused.
    public static func posts(_ config: SimulationConfig, until end: Date) -> (posts: [IncomingPost], rejected: Int) {
        var posts: [IncomingPost] = []
        var rejected = 0
        for event in Simulator(config) {
            guard event.timestamp < end else { break }
            guard let format = PayloadFormat(name: event.format),
                let outcome = try? PayloadParser.parse(format, Array(event.payload.utf8))
            else {
                rejected += 1
                continue
            }
            posts += outcome.posts
            rejected += outcome.failures.count
        }
        return (posts, rejected)
    }

    /// The ingest's triage of `posts`: rules matched, the rest filtered, each kept post analysed as it was when it
    /// arrived (a minute after its ten-minute slice), not as a weeks-old post.
    public static func analyse(
        _ posts: [IncomingPost], rejected: Int = 0, matcher: RuleMatcher, histories: [MentionKey: AuthorHistory] = [:]
    ) -> Prepared {
        let triage = PostTriage(matcher: matcher, analyzer: Analyzer())
        let (candidates, filtered) = triage.select(posts)
        var kept: [NewMention] = []
        kept.reserveCapacity(candidates.count)
        for slice in Dictionary(grouping: candidates, by: { Int($0.post.createdAt.timeIntervalSince1970 / 600) })
            .sorted(by: { $0.key < $1.key })
        {
            let now = Date(timeIntervalSince1970: Double(slice.key + 1) * 600 + 60)
            kept += triage.analyze(slice.value, source: source, histories: histories, now: now)
        }
        kept.sort { $0.post.createdAt < $1.post.createdAt }
        return Prepared(
            mentions: kept,
            counts: IngestCounts(received: posts.count + rejected, filtered: filtered, rejected: rejected),
            end: posts.last?.createdAt ?? .distantPast)
    }
}
