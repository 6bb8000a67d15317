import Foundation
import Logging
import Metrics
import RapportAnalysis
import RapportCore
import RapportInsight
import RapportStore
import ServiceLifecycle
import Synchronization

/// Runs the crisis detector on every committed mention, stores its alerts, and tells people: the live
/// stream (`live`) and, when configured, the outbound webhook.
///
/// Observations use the posts' own timestamps, in post-time order within each committed batch, so replaying a
/// history (`rapport ingest`) raises the same alerts, with the same detector ids, as living through it; the
/// store applies changes idempotently, so a replay over an existing database adds nothing. Each rule is a
/// series (`rule:<id>`), and so is each topic the analyser found (`topic:<name>`).
public actor AlertMonitor: Service {
    /// New and changed alerts, for live pages.
    public nonisolated let live = FanOut<AlertPayload>()
    public nonisolated let store: AlertStore
    private let rules: RuleStore
    private let webhook: AlertWebhook?
    private let logger: Logger
    private var detector: CrisisDetector
    /// Recent mentions (post time), for the evidence of a new alert: who posted what in the window that fired.
    private var recent: [Mention] = []
    private nonisolated let batches: AsyncStream<[Mention]>
    private nonisolated let batchInput: AsyncStream<[Mention]>.Continuation
    private nonisolated let deliveries: AsyncStream<Data>
    private nonisolated let deliveryInput: AsyncStream<Data>.Continuation
    private nonisolated let queued = Mutex(0)
    private nonisolated let droppedBatches = Counter(label: "rapport_alert_batches_dropped_total")
    /// Batches are queued only once the monitor is started, so commands that never run it (benchmarks)
    /// do not hold every committed mention in memory.
    private nonisolated let accepting = Mutex(false)

    /// Posts dated further ahead of the receiving clock are not observed: one bogus date would otherwise
    /// move post time forward for every series (docs/crisis-detection.md, Limits).
    static let maximumFutureSkew: TimeInterval = 300
    /// How much post time of recent mentions is kept for evidence (the longest test window is 1 h).
    static let evidenceMemory: TimeInterval = 2 * 3_600
    static let evidenceMemoryPosts = 100_000

    public init(
        database: Database, webhook: AlertWebhook? = nil,
        configuration: CrisisDetectorConfiguration = CrisisDetectorConfiguration(),
        logger: Logger = Logger(label: "rapport.alerts")
    ) {
        self.store = AlertStore(database: database)
        self.rules = RuleStore(database: database)
        self.webhook = webhook
        self.logger = logger
        self.detector = CrisisDetector(configuration: configuration)
        // Bounded, so a stalled detector or webhook cannot grow memory without limit: past the cap a batch is
        // counted as dropped (the mentions are stored; only their live observation is lost) and the oldest
        // undelivered webhook payload gives way (the alert itself is stored and shown in the desk).
        (batches, batchInput) = AsyncStream.makeStream(
            of: [Mention].self, bufferingPolicy: .bufferingOldest(Self.maxQueuedBatches))
        (deliveries, deliveryInput) = AsyncStream.makeStream(
            of: Data.self, bufferingPolicy: .bufferingNewest(Self.maxQueuedDeliveries))
    }

    /// Called by the pipeline after each commit (in commit order); never blocks it.
    public nonisolated func committed(_ mentions: [Mention]) {
        guard !mentions.isEmpty, accepting.withLock({ $0 }) else { return }
        queued.withLock { $0 += 1 }
        switch batchInput.yield(mentions) {
        case .terminated:
            queued.withLock { $0 -= 1 }
        case .dropped:
            queued.withLock { $0 -= 1 }
            droppedBatches.increment()
            logger.warning("alert monitor is \(Self.maxQueuedBatches) batches behind: a batch was not observed")
        default:
            break
        }
    }

    /// Committed batches the monitor may hold before it drops new ones.
    public static let maxQueuedBatches = 10_000
    /// Signed webhook payloads waiting to be sent.
    public static let maxQueuedDeliveries = 1_000

    /// Committed batches not yet observed.
    public nonisolated var backlog: Int { queued.withLock { $0 } }

    /// Starts queueing committed batches (call before the pipeline commits anything; `run` calls it too).
    public nonisolated func start() { accepting.withLock { $0 = true } }

    /// Stops taking batches; `run` returns once those already queued are processed.
    public nonisolated func finish() {
        accepting.withLock { $0 = false }
        batchInput.finish()
    }

    /// Observes queued batches until shutdown, then drains them; delivers webhooks beside.
    public func run() async throws {
        start()
        let webhook = self.webhook
        let deliveries = self.deliveries
        let logger = self.logger
        let sender = Task {
            guard let webhook else {
                for await _ in deliveries {}
                return
            }
            for await body in deliveries { await webhook.deliver(body, logger: logger) }
        }
        await withGracefulShutdownHandler {
            for await batch in batches {
                await process(batch)
                queued.withLock { $0 -= 1 }
            }
        } onGracefulShutdown: {
            self.finish()
        }
        deliveryInput.finish()
        // Pending webhook retries are not kept across a restart: give them a moment, then stop.
        try? await Task.sleep(for: .seconds(webhook == nil ? 0 : 1))
        sender.cancel()
        live.finishAll()
    }

    /// Feeds `mentions` to the detector and stores what it raised; returns the alerts that changed.
    @discardableResult
    public func process(_ mentions: [Mention]) async -> [AlertPayload] {
        let horizon = Date().addingTimeInterval(Self.maximumFutureSkew)
        let ordered = mentions.filter { $0.post.createdAt <= horizon }
            .sorted { ($0.post.createdAt, $0.id) < ($1.post.createdAt, $1.id) }
        var events: [AlertEvent] = []
        for mention in ordered {
            recent.append(mention)
            events += detector.observe(Self.observation(mention))
        }
        forgetOldMentions()
        guard !events.isEmpty else { return [] }
        var changed: [AlertPayload] = []
        do {
            let ruleMap = Dictionary(try await rules.all().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for event in events {
                let (ruleID, topic) = Self.series(event.alert.key)
                let record = evidence(for: event.alert)
                guard
                    let applied = try await store.apply(event, ruleID: ruleID, topic: topic, evidence: record),
                    applied.changed
                else { continue }
                let payload = AlertPayload(applied.alert, rules: ruleMap, event: event.change.rawValue)
                changed.append(payload)
                if webhook != nil, let body = try? payload.json() { deliveryInput.yield(body) }
            }
        } catch {
            logger.error("storing crisis alerts failed: \(error)")
        }
        if !changed.isEmpty { live.publish(changed) }
        return changed
    }

    static func observation(_ m: Mention) -> DetectorObservation {
        var keys = m.matchedRuleIDs.map { "rule:\($0)" }
        keys += (m.analysis?.topics ?? []).map { "topic:\($0)" }
        return DetectorObservation(
            timestamp: m.post.createdAt, keys: keys, negative: m.analysis?.sentiment.label == .negative,
            reposts: m.post.metrics.reposts, replies: m.post.metrics.replies,
            authorFollowers: m.post.author.followers ?? 0, postID: String(m.id),
            authorID: "\(m.post.network.rawValue):\(m.post.author.handle)")
    }

    /// `rule:3` → (3, nil); `topic:outage` → (nil, "outage").
    static func series(_ key: String) -> (ruleID: Int64?, topic: String?) {
        if key.hasPrefix("rule:"), let id = Int64(key.dropFirst(5)) { return (id, nil) }
        if key.hasPrefix("topic:") { return (nil, String(key.dropFirst(6))) }
        return (nil, nil)
    }

    static func belongs(_ m: Mention, to key: String) -> Bool {
        let (ruleID, topic) = series(key)
        if let ruleID { return m.matchedRuleIDs.contains(ruleID) }
        if let topic { return m.analysis?.topics.contains(topic) ?? false }
        return false
    }

    private func forgetOldMentions() {
        guard let latest = recent.last?.post.createdAt else { return }
        let cutoff = latest.addingTimeInterval(-Self.evidenceMemory)
        if let keep = recent.firstIndex(where: { $0.post.createdAt >= cutoff }), keep > 0 {
            recent.removeFirst(keep)
        }
        if recent.count > Self.evidenceMemoryPosts { recent.removeFirst(recent.count - Self.evidenceMemoryPosts) }
    }

    /// The detector's figures plus the top posts, authors and rising terms of the window that fired.
    private func evidence(for alert: Alert) -> AlertEvidenceRecord {
        let end = alert.detectedAt
        let start = min(alert.startedAt, end.addingTimeInterval(-alert.evidence.windowSeconds))
        let series = recent.filter { Self.belongs($0, to: alert.key) && $0.post.createdAt <= end }
        let inWindow = series.filter { $0.post.createdAt >= start }
        let flagged = Set(alert.evidence.topPostIDs)
        func engagement(_ m: Mention) -> Int {
            m.post.metrics.likes + m.post.metrics.reposts + m.post.metrics.replies + m.post.metrics.quotes
        }
        let topPosts = inWindow.sorted {
            let a = (flagged.contains(String($0.id)) ? 1 : 0, engagement($0), $0.post.author.followers ?? 0)
            let b = (flagged.contains(String($1.id)) ? 1 : 0, engagement($1), $1.post.author.followers ?? 0)
            return a > b
        }.prefix(5).map { m in
            AlertEvidenceRecord.Post(
                mentionID: m.id, network: m.post.network.rawValue, externalID: m.post.externalID, url: m.post.url,
                author: m.post.author.handle, followers: m.post.author.followers ?? 0,
                text: String(m.post.text.prefix(280)), engagement: engagement(m))
        }
        var authors: [String: AlertEvidenceRecord.Author] = [:]
        for m in inWindow {
            let id = "\(m.post.network.rawValue):\(m.post.author.handle)"
            var author =
                authors[id]
                ?? .init(network: m.post.network.rawValue, handle: m.post.author.handle, followers: 0, posts: 0)
            author.followers = max(author.followers, m.post.author.followers ?? 0)
            author.posts += 1
            authors[id] = author
        }
        let topAuthors = authors.values.sorted {
            ($0.followers, $0.posts, $1.handle) > ($1.followers, $1.posts, $0.handle)
        }.prefix(5)
        var terms = TrendingTerms(bucketSeconds: 60)
        for m in series { terms.add(text: m.post.text, at: m.post.createdAt) }
        let trending = terms.trending(
            at: end, window: max(300, end.timeIntervalSince(start)), baseline: 3_600, minimumCount: 3, minimumRatio: 2)
        return AlertEvidenceRecord(
            alert.evidence, topPosts: Array(topPosts), topAuthors: Array(topAuthors),
            trendingTerms: trending.prefix(8).map(\.term))
    }
}
