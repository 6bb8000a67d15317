// Frozen: the SQL this migration ran when it was released. Never edit it; add a new migration.
extension Migration {
    /// Version 20: narrower mention cubes for the dashboard's charts (by network, by network × sentiment, by network
    /// × level), filled from the main cube. Frozen as generated at version 20.
    static let narrowMentionCubes = Migration(
        version: 20, name: "mention cubes by network, sentiment and level",
        sqlite: [
            """
            CREATE TABLE network_rollups_hourly (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network)) WITHOUT ROWID
            """,
            """
            CREATE TABLE network_rollups_daily (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network)) WITHOUT ROWID
            """,
            """
            INSERT INTO network_rollups_hourly (hour_ms, rule_id, network, mention_count) SELECT hour_ms, rule_id, network, sum(mention_count) FROM rollups_hourly GROUP BY hour_ms, rule_id, network
            """,
            """
            INSERT INTO network_rollups_daily (hour_ms, rule_id, network, mention_count) SELECT hour_ms, rule_id, network, sum(mention_count) FROM rollups_daily GROUP BY hour_ms, rule_id, network
            """,
            """
            CREATE TABLE sentiment_rollups_hourly (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, sentiment TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network, sentiment)) WITHOUT ROWID
            """,
            """
            CREATE TABLE sentiment_rollups_daily (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, sentiment TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network, sentiment)) WITHOUT ROWID
            """,
            """
            INSERT INTO sentiment_rollups_hourly (hour_ms, rule_id, network, sentiment, mention_count) SELECT hour_ms, rule_id, network, sentiment, sum(mention_count) FROM rollups_hourly GROUP BY hour_ms, rule_id, network, sentiment
            """,
            """
            INSERT INTO sentiment_rollups_daily (hour_ms, rule_id, network, sentiment, mention_count) SELECT hour_ms, rule_id, network, sentiment, sum(mention_count) FROM rollups_daily GROUP BY hour_ms, rule_id, network, sentiment
            """,
            """
            CREATE TABLE level_rollups_hourly (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, level TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network, level)) WITHOUT ROWID
            """,
            """
            CREATE TABLE level_rollups_daily (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, level TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network, level)) WITHOUT ROWID
            """,
            """
            INSERT INTO level_rollups_hourly (hour_ms, rule_id, network, level, mention_count) SELECT hour_ms, rule_id, network, level, sum(mention_count) FROM rollups_hourly GROUP BY hour_ms, rule_id, network, level
            """,
            """
            INSERT INTO level_rollups_daily (hour_ms, rule_id, network, level, mention_count) SELECT hour_ms, rule_id, network, level, sum(mention_count) FROM rollups_daily GROUP BY hour_ms, rule_id, network, level
            """,
        ],
        postgres: [
            """
            CREATE TABLE network_rollups_hourly (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network))
            """,
            """
            CREATE TABLE network_rollups_daily (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network))
            """,
            """
            INSERT INTO network_rollups_hourly (hour_ms, rule_id, network, mention_count) SELECT hour_ms, rule_id, network, sum(mention_count) FROM rollups_hourly GROUP BY hour_ms, rule_id, network
            """,
            """
            INSERT INTO network_rollups_daily (hour_ms, rule_id, network, mention_count) SELECT hour_ms, rule_id, network, sum(mention_count) FROM rollups_daily GROUP BY hour_ms, rule_id, network
            """,
            """
            CREATE TABLE sentiment_rollups_hourly (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, sentiment TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network, sentiment))
            """,
            """
            CREATE TABLE sentiment_rollups_daily (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, sentiment TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network, sentiment))
            """,
            """
            INSERT INTO sentiment_rollups_hourly (hour_ms, rule_id, network, sentiment, mention_count) SELECT hour_ms, rule_id, network, sentiment, sum(mention_count) FROM rollups_hourly GROUP BY hour_ms, rule_id, network, sentiment
            """,
            """
            INSERT INTO sentiment_rollups_daily (hour_ms, rule_id, network, sentiment, mention_count) SELECT hour_ms, rule_id, network, sentiment, sum(mention_count) FROM rollups_daily GROUP BY hour_ms, rule_id, network, sentiment
            """,
            """
            CREATE TABLE level_rollups_hourly (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, level TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network, level))
            """,
            """
            CREATE TABLE level_rollups_daily (hour_ms BIGINT NOT NULL, rule_id BIGINT NOT NULL, network TEXT NOT NULL, level TEXT NOT NULL, mention_count BIGINT NOT NULL, PRIMARY KEY (hour_ms, rule_id, network, level))
            """,
            """
            INSERT INTO level_rollups_hourly (hour_ms, rule_id, network, level, mention_count) SELECT hour_ms, rule_id, network, level, sum(mention_count) FROM rollups_hourly GROUP BY hour_ms, rule_id, network, level
            """,
            """
            INSERT INTO level_rollups_daily (hour_ms, rule_id, network, level, mention_count) SELECT hour_ms, rule_id, network, level, sum(mention_count) FROM rollups_daily GROUP BY hour_ms, rule_id, network, level
            """,
        ])
}
