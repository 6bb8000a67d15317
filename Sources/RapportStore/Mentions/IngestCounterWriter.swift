import SQLKit

/// Adds a batch's per-source counts to `ingest_counters`.
enum IngestCounterWriter {
    static func add(_ db: any SQLDatabase, _ counters: [String: IngestCounts]) async throws {
        for (source, c) in counters.sorted(by: { $0.key < $1.key }) where !c.isEmpty {
            try await db.raw(
                """
                INSERT INTO ingest_counters (source, received, stored, duplicate, filtered, rejected)
                VALUES (\(bind: source), \(bind: Int64(c.received)), \(bind: Int64(c.stored)),
                        \(bind: Int64(c.duplicate)), \(bind: Int64(c.filtered)), \(bind: Int64(c.rejected)))
                ON CONFLICT (source) DO UPDATE SET
                    received = ingest_counters.received + excluded.received,
                    stored = ingest_counters.stored + excluded.stored,
                    duplicate = ingest_counters.duplicate + excluded.duplicate,
                    filtered = ingest_counters.filtered + excluded.filtered,
                    rejected = ingest_counters.rejected + excluded.rejected
                """
            ).run()
        }
    }
}
