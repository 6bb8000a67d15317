/// What happened to the posts of one source in one batch; summed into
/// `ingest_counters` in the batch's own transaction.
public struct IngestCounts: Sendable, Hashable {
    public var received = 0
    public var stored = 0
    public var duplicate = 0
    /// Public posts that matched no listening rule: counted, not stored.
    public var filtered = 0
    public var rejected = 0

    public init(received: Int = 0, stored: Int = 0, duplicate: Int = 0, filtered: Int = 0, rejected: Int = 0) {
        self.received = received
        self.stored = stored
        self.duplicate = duplicate
        self.filtered = filtered
        self.rejected = rejected
    }

    public static func += (lhs: inout IngestCounts, rhs: IngestCounts) {
        lhs.received += rhs.received
        lhs.stored += rhs.stored
        lhs.duplicate += rhs.duplicate
        lhs.filtered += rhs.filtered
        lhs.rejected += rhs.rejected
    }

    public var isEmpty: Bool { self == IngestCounts() }
}
