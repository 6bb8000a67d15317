// Frozen: the SQL this migration ran when it was released. Never edit it; add a new migration.
extension Migration {
    /// Version 17: which digest periods were sent, so a restart or a second instance does not send one twice.
    static let digestRuns = Migration(
        version: 17, name: "digest runs",
        sql: [
            """
            CREATE TABLE digest_runs (
                period TEXT NOT NULL,
                period_start_ms BIGINT NOT NULL,
                claimed_ms BIGINT NOT NULL,
                sent_ms BIGINT,
                instance TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (period, period_start_ms)
            )
            """
        ])
}
