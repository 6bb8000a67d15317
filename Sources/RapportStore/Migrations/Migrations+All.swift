extension Migration {
    /// Every migration, in order.
    static let all: [Migration] = [
        Migration(version: 1, name: "authors and mentions") { d in
            [
                """
                CREATE TABLE authors (
                    id \(d.primaryKey),
                    network TEXT NOT NULL,
                    external_id TEXT NOT NULL,
                    handle TEXT NOT NULL,
                    display_name TEXT,
                    followers BIGINT,
                    following BIGINT,
                    verified INTEGER NOT NULL DEFAULT 0,
                    profile_url TEXT,
                    bio TEXT,
                    first_seen_ms BIGINT NOT NULL,
                    last_seen_ms BIGINT NOT NULL,
                    UNIQUE (network, external_id)
                )
                """,
                "CREATE INDEX authors_handle ON authors (handle)",
                """
                CREATE TABLE mentions (
                    id \(d.primaryKey),
                    network TEXT NOT NULL,
                    external_id TEXT NOT NULL,
                    url TEXT,
                    author_id BIGINT NOT NULL REFERENCES authors (id),
                    text TEXT NOT NULL,
                    title TEXT,
                    language TEXT,
                    created_ms BIGINT NOT NULL,
                    ingested_ms BIGINT NOT NULL,
                    kind TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    likes BIGINT NOT NULL DEFAULT 0,
                    reposts BIGINT NOT NULL DEFAULT 0,
                    replies BIGINT NOT NULL DEFAULT 0,
                    quotes BIGINT NOT NULL DEFAULT 0,
                    in_reply_to TEXT,
                    thread_id TEXT,
                    hashtags TEXT NOT NULL DEFAULT '',
                    mentioned TEXT NOT NULL DEFAULT '',
                    sentiment TEXT,
                    sentiment_score \(d.double),
                    intents TEXT NOT NULL DEFAULT '',
                    analysis_language TEXT,
                    influence INTEGER,
                    level TEXT,
                    analysis TEXT,
                    UNIQUE (network, external_id)
                )
                """,
                "CREATE INDEX mentions_created ON mentions (created_ms, id)",
                "CREATE INDEX mentions_author ON mentions (author_id, created_ms)",
                "CREATE INDEX mentions_level ON mentions (level, created_ms)",
                """
                CREATE TABLE mention_rules (
                    mention_id BIGINT NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
                    rule_id BIGINT NOT NULL,
                    created_ms BIGINT NOT NULL,
                    PRIMARY KEY (rule_id, created_ms, mention_id)
                )\(d.withoutRowID)
                """,
                "CREATE INDEX mention_rules_mention ON mention_rules (mention_id)",
            ] + d.fullTextSchema
        },
        Migration(version: 2, name: "listening rules, counters, tokens") { d in
            [
                """
                CREATE TABLE listening_rules (
                    id \(d.primaryKey),
                    name TEXT NOT NULL UNIQUE,
                    brand TEXT NOT NULL,
                    is_competitor INTEGER NOT NULL DEFAULT 0,
                    query TEXT NOT NULL,
                    enabled INTEGER NOT NULL DEFAULT 1,
                    created_ms BIGINT NOT NULL,
                    updated_ms BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE ingest_counters (
                    source TEXT PRIMARY KEY,
                    received BIGINT NOT NULL DEFAULT 0,
                    stored BIGINT NOT NULL DEFAULT 0,
                    duplicate BIGINT NOT NULL DEFAULT 0,
                    filtered BIGINT NOT NULL DEFAULT 0,
                    rejected BIGINT NOT NULL DEFAULT 0
                )
                """,
                """
                CREATE TABLE api_tokens (
                    id \(d.primaryKey),
                    name TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_ms BIGINT NOT NULL,
                    revoked INTEGER NOT NULL DEFAULT 0
                )
                """,
                """
                CREATE TABLE stream_cursors (
                    source TEXT PRIMARY KEY,
                    cursor TEXT NOT NULL,
                    updated_ms BIGINT NOT NULL
                )
                """,
            ]
        },
        Migration(version: 3, name: "author history") { _ in
            [
                "ALTER TABLE authors ADD COLUMN mention_count BIGINT NOT NULL DEFAULT 0",
                "ALTER TABLE authors ADD COLUMN negative_count BIGINT NOT NULL DEFAULT 0",
                "ALTER TABLE authors ADD COLUMN engagement_sum BIGINT NOT NULL DEFAULT 0",
            ]
        },
    ]
}
