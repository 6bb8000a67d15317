import Metrics
import RapportStore

/// The pipeline's figures for `/metrics`: posts by source and outcome, commit latency, backlog.
enum IngestMetrics {
    static let commitLatency = Metrics.Timer(label: "rapport_ingest_commit_seconds")
    static let pending = Gauge(label: "rapport_ingest_pending_posts")

    static func recordCommit(since started: ContinuousClock.Instant) {
        let elapsed = (ContinuousClock.now - started).components
        commitLatency.recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
    }

    static func record(_ counts: [String: IngestCounts], stored: [String: Int]) {
        for (source, c) in counts {
            let storedCount = stored[source] ?? 0
            let outcomes = [
                ("stored", storedCount), ("duplicate", c.received - c.filtered - c.rejected - storedCount),
                ("filtered", c.filtered), ("rejected", c.rejected),
            ]
            for (outcome, n) in outcomes where n > 0 {
                Counter(label: "rapport_ingest_posts_total", dimensions: [("source", source), ("outcome", outcome)])
                    .increment(by: n)
            }
        }
    }
}
