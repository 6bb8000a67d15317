import Foundation
import Logging
import Metrics
import RapportAnalysis
import RapportCore
import RapportStore
import ServiceLifecycle
import Synchronization

/// parse → triage (rules + analysis) → store → broadcast, for every way in.
///
/// Callers `submit` parsed posts; triage runs in the caller's task (so concurrent
/// webhooks use every core), then one writer task commits whatever is waiting in
/// a single transaction (group commit) and resumes each caller only after its
/// posts are durably stored. When too much is waiting, `submit` refuses with
/// ``IngestError/saturated(retryAfterSeconds:)`` instead of buffering without bound.
public final class IngestPipeline: Service, Sendable {
    public struct Configuration: Sendable {
        /// Posts per transaction at most.
        public var maxBatch: Int
        /// Posts waiting for the writer beyond which `submit` refuses.
        public var maxPending: Int

        public init(maxBatch: Int = 5_000, maxPending: Int = 50_000) {
            self.maxBatch = maxBatch
            self.maxPending = maxPending
        }
    }

    private struct Submission: Sendable {
        var mentions: [NewMention]
        var counters: [String: IngestCounts]
        var filtered: Int
        var continuation: CheckedContinuation<IngestReceipt, any Error>
    }

    private struct Queue: Sendable {
        var submissions: [Submission] = []
        var pendingPosts = 0
        var closed = false
    }

    public let store: MentionStore
    public let ruleBook: RuleBook
    private let analyzer: Analyzer
    private let onCommit: @Sendable ([Mention]) -> Void
    private let configuration: Configuration
    private let logger: Logger
    private let queue = Mutex(Queue())
    private let wake: AsyncStream<Void>.Continuation
    private let wakeups: AsyncStream<Void>

    /// - Parameter onCommit: called with each committed batch (e.g. the live broadcaster).
    public init(
        store: MentionStore, ruleBook: RuleBook, analyzer: Analyzer = Analyzer(),
        configuration: Configuration = Configuration(), logger: Logger = Logger(label: "rapport.ingest"),
        onCommit: @escaping @Sendable ([Mention]) -> Void = { _ in }
    ) {
        self.store = store
        self.ruleBook = ruleBook
        self.analyzer = analyzer
        self.configuration = configuration
        self.logger = logger
        self.onCommit = onCommit
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Triage and store `posts` from `source`; returns once they are committed.
    /// - Parameter rejected: items of the same delivery the parser refused (for the counters).
    public func submit(_ posts: [IncomingPost], source: String, rejected: Int = 0) async throws -> IngestReceipt {
        let triage = PostTriage(matcher: ruleBook.matcher, analyzer: analyzer)
        let (candidates, filtered) = triage.select(posts)
        // The author's history feeds influence: one indexed read per delivery, kept posts only.
        let histories = candidates.isEmpty ? [:] : try await store.authorHistories(candidates.map(\.post.author))
        let kept = triage.analyze(candidates, source: source, histories: histories)
        let counts = IngestCounts(received: posts.count + rejected, filtered: filtered, rejected: rejected)
        if kept.isEmpty {
            // Nothing to store; the counters still go through the writer to stay exact.
            if counts.isEmpty { return IngestReceipt() }
        }
        return try await withCheckedThrowingContinuation { continuation in
            let error: IngestError? = queue.withLock { q in
                if q.closed { return .shuttingDown }
                if q.pendingPosts > 0 && q.pendingPosts + kept.count > configuration.maxPending {
                    return .saturated(retryAfterSeconds: 2)
                }
                q.submissions.append(
                    Submission(
                        mentions: kept, counters: [source: counts], filtered: filtered, continuation: continuation))
                q.pendingPosts += kept.count
                return nil
            }
            if let error {
                continuation.resume(throwing: error)
            } else {
                wake.yield()
            }
        }
    }

    /// Posts waiting for the writer.
    public var pendingPosts: Int { queue.withLock { $0.pendingPosts } }

    /// The writer loop. Ends after draining what was accepted when shutdown begins.
    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in wakeups {
                await drain()
                if queue.withLock({ $0.closed && $0.submissions.isEmpty }) { break }
            }
            await drain()
        } onGracefulShutdown: {
            self.close()
        }
    }

    /// Stops accepting work; `run` returns once what was accepted is stored.
    public func close() {
        queue.withLock { $0.closed = true }
        wake.yield()
        wake.finish()
    }

    private func drain() async {
        while true {
            let batch: [Submission] = queue.withLock { q in
                var taken: [Submission] = []
                var posts = 0
                while let next = q.submissions.first,
                    taken.isEmpty || posts + next.mentions.count <= configuration.maxBatch
                {
                    taken.append(q.submissions.removeFirst())
                    posts += next.mentions.count
                }
                q.pendingPosts -= posts
                IngestMetrics.pending.record(q.pendingPosts)
                return taken
            }
            if batch.isEmpty { return }
            await commit(batch)
        }
    }

    private func commit(_ batch: [Submission]) async {
        var counters: [String: IngestCounts] = [:]
        for submission in batch {
            for (source, c) in submission.counters { counters[source, default: IngestCounts()] += c }
        }
        do {
            let started = ContinuousClock.now
            let result = try await store.insert(batch.flatMap(\.mentions), counters: counters)
            IngestMetrics.recordCommit(since: started)
            var storedBySource: [String: Int] = [:]
            var idByKey: [MentionKey: Int64] = [:]
            for m in result.stored { idByKey[m.key] = m.id }
            for submission in batch {
                var ids: [Int64] = []
                for m in submission.mentions {
                    if let id = idByKey.removeValue(forKey: m.key) {
                        ids.append(id)
                    }
                }
                for source in submission.counters.keys { storedBySource[source, default: 0] += ids.count }
                submission.continuation.resume(
                    returning: IngestReceipt(
                        storedIDs: ids, duplicates: submission.mentions.count - ids.count, filtered: submission.filtered
                    ))
            }
            IngestMetrics.record(counters, stored: storedBySource)
            if !result.stored.isEmpty { onCommit(result.stored) }
        } catch {
            logger.error("storing a batch of \(batch.count) deliveries failed: \(error)")
            for submission in batch { submission.continuation.resume(throwing: error) }
        }
    }
}
