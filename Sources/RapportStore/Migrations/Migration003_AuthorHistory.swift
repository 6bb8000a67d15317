// Frozen: the SQL this migration ran when it was released. Never edit it; add a new migration.
extension Migration {
    /// Version 3: each author's mention, negative and engagement counts.
    static let authorHistory = Migration(
        version: 3, name: "author history",
        sql: [
            "ALTER TABLE authors ADD COLUMN mention_count BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE authors ADD COLUMN negative_count BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE authors ADD COLUMN engagement_sum BIGINT NOT NULL DEFAULT 0",
        ])
}
