// Frozen: the SQL this migration ran when it was released. Never edit it; add a new migration.
extension Migration {
    /// Version 10: the hourly rollups summed per UTC day (hour_ms holds the day's start), so that long dashboard
    /// periods read 24× fewer rows; filled from the hourly ones. Replaced by narrower tables in version 15.
    static let dailyMentionRollups = Migration(
        version: 10, name: "daily mention rollups",
        sqlite: [
            """
            CREATE TABLE mention_rollups_daily (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                sentiment TEXT NOT NULL,
                level TEXT NOT NULL,
                language TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, sentiment, level, language)
            ) WITHOUT ROWID
            """,
            """
            INSERT INTO mention_rollups_daily (hour_ms, rule_id, network, sentiment, level, language, mention_count)
            SELECT hour_ms - (hour_ms % 86400000), rule_id, network, sentiment, level, language, sum(mention_count)
            FROM mention_rollups
            GROUP BY hour_ms - (hour_ms % 86400000), rule_id, network, sentiment, level, language
            """,
        ],
        postgres: [
            """
            CREATE TABLE mention_rollups_daily (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                sentiment TEXT NOT NULL,
                level TEXT NOT NULL,
                language TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, sentiment, level, language)
            )
            """,
            """
            INSERT INTO mention_rollups_daily (hour_ms, rule_id, network, sentiment, level, language, mention_count)
            SELECT hour_ms - (hour_ms % 86400000), rule_id, network, sentiment, level, language, sum(mention_count)
            FROM mention_rollups
            GROUP BY hour_ms - (hour_ms % 86400000), rule_id, network, sentiment, level, language
            """,
        ])
}
