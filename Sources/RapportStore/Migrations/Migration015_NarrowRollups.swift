// Frozen: the SQL this migration ran when it was released. Never edit it; add a new migration.
extension Migration {
    /// Version 15: the full cube (× language) made every chart scan 3–5× the rows it needs: the same counts are
    /// kept as two narrower cubes, one without the language and one of the language alone, filled from the old
    /// tables, which are dropped.
    static let narrowRollups = Migration(
        version: 15, name: "narrow rollups: one cube without the language, one of the language",
        sqlite: [
            """
            CREATE TABLE rollups_hourly (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                sentiment TEXT NOT NULL,
                level TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, sentiment, level)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE rollups_daily (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                sentiment TEXT NOT NULL,
                level TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, sentiment, level)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE language_rollups_hourly (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                language TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, language)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE language_rollups_daily (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                language TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, language)
            ) WITHOUT ROWID
            """,
            """
            INSERT INTO rollups_hourly (hour_ms, rule_id, network, sentiment, level, mention_count)
            SELECT hour_ms, rule_id, network, sentiment, level, sum(mention_count) FROM mention_rollups GROUP BY hour_ms, rule_id, network, sentiment, level
            """,
            """
            INSERT INTO rollups_daily (hour_ms, rule_id, network, sentiment, level, mention_count)
            SELECT hour_ms, rule_id, network, sentiment, level, sum(mention_count) FROM mention_rollups_daily GROUP BY hour_ms, rule_id, network, sentiment, level
            """,
            """
            INSERT INTO language_rollups_hourly (hour_ms, rule_id, network, language, mention_count)
            SELECT hour_ms, rule_id, network, language, sum(mention_count) FROM mention_rollups GROUP BY hour_ms, rule_id, network, language
            """,
            """
            INSERT INTO language_rollups_daily (hour_ms, rule_id, network, language, mention_count)
            SELECT hour_ms, rule_id, network, language, sum(mention_count) FROM mention_rollups_daily GROUP BY hour_ms, rule_id, network, language
            """,
            "DROP TABLE mention_rollups",
            "DROP TABLE mention_rollups_daily",
        ],
        postgres: [
            """
            CREATE TABLE rollups_hourly (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                sentiment TEXT NOT NULL,
                level TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, sentiment, level)
            )
            """,
            """
            CREATE TABLE rollups_daily (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                sentiment TEXT NOT NULL,
                level TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, sentiment, level)
            )
            """,
            """
            CREATE TABLE language_rollups_hourly (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                language TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, language)
            )
            """,
            """
            CREATE TABLE language_rollups_daily (
                hour_ms BIGINT NOT NULL,
                rule_id BIGINT NOT NULL,
                network TEXT NOT NULL,
                language TEXT NOT NULL,
                mention_count BIGINT NOT NULL,
                PRIMARY KEY (hour_ms, rule_id, network, language)
            )
            """,
            """
            INSERT INTO rollups_hourly (hour_ms, rule_id, network, sentiment, level, mention_count)
            SELECT hour_ms, rule_id, network, sentiment, level, sum(mention_count) FROM mention_rollups GROUP BY hour_ms, rule_id, network, sentiment, level
            """,
            """
            INSERT INTO rollups_daily (hour_ms, rule_id, network, sentiment, level, mention_count)
            SELECT hour_ms, rule_id, network, sentiment, level, sum(mention_count) FROM mention_rollups_daily GROUP BY hour_ms, rule_id, network, sentiment, level
            """,
            """
            INSERT INTO language_rollups_hourly (hour_ms, rule_id, network, language, mention_count)
            SELECT hour_ms, rule_id, network, language, sum(mention_count) FROM mention_rollups GROUP BY hour_ms, rule_id, network, language
            """,
            """
            INSERT INTO language_rollups_daily (hour_ms, rule_id, network, language, mention_count)
            SELECT hour_ms, rule_id, network, language, sum(mention_count) FROM mention_rollups_daily GROUP BY hour_ms, rule_id, network, language
            """,
            "DROP TABLE mention_rollups",
            "DROP TABLE mention_rollups_daily",
        ])
}
