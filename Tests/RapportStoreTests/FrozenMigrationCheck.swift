// ONE-OFF CHECK, to delete once it has passed on both engines (with the helpers only it still uses:
// DerivedRollup.createStatements / without(measure:), RollupCube.createStatements / backfill(from:)).
// Below are the migrations exactly as main generated them before they were frozen (Migrations+All.swift and the
// version 16–20 definitions, renamed LegacyMigration). The test checks that every frozen migration runs the same
// statements, and that a database made by the old statements (as main's binary made it) migrates nothing new and
// has the same schema as a fresh one. Run: swift test --filter FrozenMigrationCheck
import Foundation
import Logging
import RapportTestSupport
import SQLKit
import Testing

@testable import RapportStore

struct LegacyMigration: Sendable {
    let version: Int
    let name: String
    let statements: @Sendable (Dialect) -> [String]
}

extension Dialect {
    /// Full-text index over mentions' text and title.
    var legacyFullTextSchema: [String] {
        switch self {
        case .sqlite:
            [
                """
                CREATE VIRTUAL TABLE mentions_fts USING fts5(text, title, content='mentions', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2')
                """,
                """
                CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
                    INSERT INTO mentions_fts(rowid, text, title) VALUES (new.id, new.text, coalesce(new.title, ''));
                END
                """,
                """
                CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
                    INSERT INTO mentions_fts(mentions_fts, rowid, text, title)
                        VALUES ('delete', old.id, old.text, coalesce(old.title, ''));
                END
                """,
            ]
        case .postgres:
            [
                """
                ALTER TABLE mentions ADD COLUMN search tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
                """,
                "CREATE INDEX mentions_search ON mentions USING GIN (search)",
            ]
        }
    }

}

@Suite("Frozen migrations equal the generated ones (one-off)")
struct FrozenMigrationCheck {
    @Test(
        "a database made by the generated migrations migrates nothing new and has the fresh schema",
        arguments: TestEngine.available)
    func legacyDatabaseMigratesNothing(engine: TestEngine) async throws {
        let test = try await TestDatabase.make(engine)
        let db = try await Database.open(test.location, logger: Logger(label: "test"))
        let dialect = db.dialect
        for m in LegacyMigration.all {
            try await db.transaction { sql in
                try await sql.raw(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)"
                ).run()
                for statement in m.statements(dialect) { try await sql.raw(SQLQueryString(statement)).run() }
                try await sql.raw(
                    "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (\(bind: m.version), \(bind: m.name), 0)"
                ).run()
            }
        }
        let applied = try await Migrator(database: db).migrate()
        let legacy = try await SchemaDescription.lines(db)
        await db.close()
        await test.remove()
        #expect(applied == [])
        let fresh = try await TestDatabase.with(engine) { try await SchemaDescription.lines($0) }
        #expect(legacy == fresh)
        print("LEGACY-CHECK \(engine): applied \(applied), schema lines \(legacy.count), equal \(legacy == fresh)")
    }

    @Test("each frozen migration runs the statements the generators produced")
    func identical() throws {
        var dump: [[String: Any]] = []
        for m in LegacyMigration.all {
            dump.append([
                "version": m.version, "name": m.name, "sqlite": m.statements(.sqlite),
                "postgres": m.statements(.postgres),
            ])
        }
        let data = try JSONSerialization.data(withJSONObject: dump, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: "/tmp/config-migrations.json"))
        #expect(Migration.all.map(\.version) == LegacyMigration.all.map(\.version))
        for (frozen, legacy) in zip(Migration.all, LegacyMigration.all) {
            #expect(frozen.name == legacy.name)
            for dialect in [Dialect.sqlite, .postgres] {
                #expect(
                    frozen.statements(dialect) == legacy.statements(dialect), "version \(frozen.version) \(dialect)")
            }
        }
    }
}

extension LegacyMigration {
    /// Every migration, in order.
    static let all: [LegacyMigration] = [
        LegacyMigration(version: 1, name: "authors and mentions") { d in
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
            ] + d.legacyFullTextSchema
        },
        LegacyMigration(version: 2, name: "listening rules, counters, tokens") { d in
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
        LegacyMigration(version: 3, name: "author history") { _ in
            [
                "ALTER TABLE authors ADD COLUMN mention_count BIGINT NOT NULL DEFAULT 0",
                "ALTER TABLE authors ADD COLUMN negative_count BIGINT NOT NULL DEFAULT 0",
                "ALTER TABLE authors ADD COLUMN engagement_sum BIGINT NOT NULL DEFAULT 0",
            ]
        },
        LegacyMigration(version: 4, name: "desk: users, customers, conversations, outbox, audit") { d in
            [
                """
                CREATE TABLE users (
                    id \(d.primaryKey),
                    email TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    away INTEGER NOT NULL DEFAULT 0,
                    capacity INTEGER NOT NULL DEFAULT 25,
                    skills TEXT NOT NULL DEFAULT '',
                    disabled INTEGER NOT NULL DEFAULT 0,
                    created_ms BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY,
                    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    csrf TEXT NOT NULL,
                    created_ms BIGINT NOT NULL,
                    expires_ms BIGINT NOT NULL
                )
                """,
                "ALTER TABLE api_tokens ADD COLUMN user_id BIGINT",
                """
                CREATE TABLE teams (
                    id \(d.primaryKey),
                    name TEXT NOT NULL UNIQUE,
                    strategy TEXT NOT NULL,
                    supervisor_id BIGINT
                )
                """,
                """
                CREATE TABLE team_members (
                    team_id BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
                    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    PRIMARY KEY (team_id, user_id)
                )
                """,
                """
                CREATE TABLE customers (
                    id \(d.primaryKey),
                    name TEXT NOT NULL,
                    facts TEXT NOT NULL DEFAULT '{}',
                    tags TEXT NOT NULL DEFAULT '',
                    created_ms BIGINT NOT NULL,
                    updated_ms BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE customer_identities (
                    kind TEXT NOT NULL,
                    value TEXT NOT NULL,
                    customer_id BIGINT NOT NULL REFERENCES customers (id),
                    verified INTEGER NOT NULL DEFAULT 0,
                    evidence TEXT NOT NULL,
                    linked_ms BIGINT NOT NULL,
                    PRIMARY KEY (kind, value)
                )
                """,
                "CREATE INDEX customer_identities_customer ON customer_identities (customer_id)",
                """
                CREATE TABLE conversations (
                    id \(d.primaryKey),
                    customer_id BIGINT NOT NULL REFERENCES customers (id),
                    network TEXT NOT NULL,
                    channel_kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    priority TEXT NOT NULL,
                    team_id BIGINT,
                    assignee_id BIGINT,
                    subject TEXT NOT NULL,
                    level TEXT,
                    sentiment TEXT,
                    message_count INTEGER NOT NULL DEFAULT 0,
                    created_ms BIGINT NOT NULL,
                    updated_ms BIGINT NOT NULL,
                    first_response_ms BIGINT,
                    resolved_ms BIGINT,
                    sla_due_ms BIGINT,
                    state TEXT NOT NULL
                )
                """,
                "CREATE INDEX conversations_status ON conversations (status, updated_ms)",
                "CREATE INDEX conversations_assignee ON conversations (assignee_id, status, updated_ms)",
                "CREATE INDEX conversations_team ON conversations (team_id, status, updated_ms)",
                "CREATE INDEX conversations_customer ON conversations (customer_id, updated_ms)",
                """
                CREATE TABLE conversation_messages (
                    id \(d.primaryKey),
                    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
                    direction TEXT NOT NULL,
                    mention_id BIGINT UNIQUE,
                    network TEXT NOT NULL,
                    external_id TEXT,
                    author_name TEXT NOT NULL,
                    user_id BIGINT,
                    body TEXT NOT NULL,
                    sentiment TEXT,
                    sentiment_score \(d.double),
                    intents TEXT NOT NULL DEFAULT '',
                    level TEXT,
                    delivery TEXT,
                    delivery_error TEXT,
                    created_ms BIGINT NOT NULL
                )
                """,
                "CREATE INDEX conversation_messages_conversation ON conversation_messages (conversation_id, created_ms)",
                """
                CREATE TABLE message_keys (
                    network TEXT NOT NULL,
                    external_id TEXT NOT NULL,
                    conversation_id BIGINT NOT NULL,
                    PRIMARY KEY (network, external_id)
                )
                """,
                """
                CREATE TABLE thread_keys (
                    kind TEXT NOT NULL,
                    network TEXT NOT NULL,
                    thread_id TEXT NOT NULL,
                    conversation_id BIGINT NOT NULL,
                    PRIMARY KEY (kind, network, thread_id)
                )
                """,
                """
                CREATE TABLE conversation_events (
                    id \(d.primaryKey),
                    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
                    at_ms BIGINT NOT NULL,
                    actor TEXT NOT NULL,
                    change TEXT NOT NULL
                )
                """,
                "CREATE INDEX conversation_events_conversation ON conversation_events (conversation_id, id)",
                """
                CREATE TABLE outbox (
                    id \(d.primaryKey),
                    message_id BIGINT NOT NULL UNIQUE REFERENCES conversation_messages (id),
                    network TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_ms BIGINT NOT NULL,
                    last_error TEXT,
                    external_id TEXT,
                    created_ms BIGINT NOT NULL,
                    updated_ms BIGINT NOT NULL
                )
                """,
                "CREATE INDEX outbox_due ON outbox (status, next_attempt_ms)",
                """
                CREATE TABLE audit_log (
                    id \(d.primaryKey),
                    at_ms BIGINT NOT NULL,
                    user_id BIGINT,
                    action TEXT NOT NULL,
                    target TEXT NOT NULL DEFAULT '',
                    detail TEXT NOT NULL DEFAULT ''
                )
                """,
                """
                CREATE TABLE canned_replies (
                    id \(d.primaryKey),
                    title TEXT NOT NULL UNIQUE,
                    body TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE routing_rules (
                    id \(d.primaryKey),
                    position INTEGER NOT NULL,
                    definition TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE sla_policies (
                    id \(d.primaryKey),
                    name TEXT NOT NULL UNIQUE,
                    definition TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE desk_settings (
                    name TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE desk_queue (
                    mention_id BIGINT PRIMARY KEY REFERENCES mentions (id)
                )
                """,
            ]
        },
        LegacyMigration(version: 5, name: "SLA check schedule, customer merges") { d in
            [
                "ALTER TABLE conversations ADD COLUMN sla_check_ms BIGINT",
                "CREATE INDEX conversations_sla_check ON conversations (sla_check_ms)",
                "ALTER TABLE customers ADD COLUMN merged_into BIGINT",
                """
                CREATE TABLE customer_merges (
                    id \(d.primaryKey),
                    source_id BIGINT NOT NULL,
                    target_id BIGINT NOT NULL,
                    identities TEXT NOT NULL,
                    conversations TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    by_user BIGINT,
                    at_ms BIGINT NOT NULL,
                    undone_ms BIGINT
                )
                """,
            ]
        },
        LegacyMigration(version: 6, name: "insight: hourly mention rollups, crisis alerts") { d in
            [
                // One row per hour × rule × network × sentiment × level × language; rule 0 = no rule matched.
                // Written in the mention insert's transaction, so it always agrees with the mentions.
                """
                CREATE TABLE mention_rollups (
                    hour_ms BIGINT NOT NULL,
                    rule_id BIGINT NOT NULL,
                    network TEXT NOT NULL,
                    sentiment TEXT NOT NULL,
                    level TEXT NOT NULL,
                    language TEXT NOT NULL,
                    mention_count BIGINT NOT NULL,
                    PRIMARY KEY (hour_ms, rule_id, network, sentiment, level, language)
                )\(d.withoutRowID)
                """,
                """
                CREATE TABLE alerts (
                    id \(d.primaryKey),
                    detector_id TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    series_key TEXT NOT NULL,
                    rule_id BIGINT,
                    topic TEXT,
                    started_ms BIGINT NOT NULL,
                    detected_ms BIGINT NOT NULL,
                    updated_ms BIGINT NOT NULL,
                    ended_ms BIGINT,
                    episode TEXT NOT NULL,
                    status TEXT NOT NULL,
                    assignee_id BIGINT,
                    evidence TEXT NOT NULL,
                    created_ms BIGINT NOT NULL
                )
                """,
                "CREATE INDEX alerts_detected ON alerts (detected_ms)",
                """
                CREATE TABLE alert_events (
                    id \(d.primaryKey),
                    alert_id BIGINT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
                    at_ms BIGINT NOT NULL,
                    user_id BIGINT,
                    change TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT ''
                )
                """,
                "CREATE INDEX alert_events_alert ON alert_events (alert_id, id)",
            ]
        },
        LegacyMigration(version: 7, name: "surveys") { d in
            [
                """
                CREATE TABLE surveys (
                    id \(d.primaryKey),
                    token_hash TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    customer_id BIGINT NOT NULL REFERENCES customers (id),
                    conversation_id BIGINT,
                    network TEXT NOT NULL,
                    team_id BIGINT,
                    agent_id BIGINT,
                    created_ms BIGINT NOT NULL,
                    expires_ms BIGINT NOT NULL,
                    answered_ms BIGINT,
                    score INTEGER,
                    comment TEXT,
                    shared_on TEXT NOT NULL DEFAULT '',
                    followup_conversation_id BIGINT
                )
                """,
                "CREATE INDEX surveys_customer ON surveys (customer_id, created_ms)",
                "CREATE INDEX surveys_answered ON surveys (answered_ms)",
            ]
        },
        LegacyMigration(version: 8, name: "inbox indexes") { _ in
            // Partial indexes over the active conversations only, each in the order a queue shows:
            // a page reads its rows straight off the index and stops at the page size.
            let active = "WHERE status IN ('new', 'open', 'pending')"
            return [
                "CREATE INDEX conversations_active_updated ON conversations (updated_ms, id) \(active)",
                "CREATE INDEX conversations_active_assignee ON conversations (assignee_id, updated_ms, id) \(active)",
                "CREATE INDEX conversations_active_team ON conversations (team_id, updated_ms, id) \(active)",
                "CREATE INDEX conversations_active_priority ON conversations (priority, updated_ms, id) \(active)",
                "CREATE INDEX conversations_active_unassigned ON conversations (updated_ms, id) \(active) AND assignee_id IS NULL",
                "CREATE INDEX conversations_active_sla ON conversations (sla_due_ms) \(active)",
            ]
        },
        LegacyMigration(version: 9, name: "team business hours") { _ in
            ["ALTER TABLE teams ADD COLUMN business_hours TEXT"]
        },
        LegacyMigration(version: 10, name: "daily mention rollups") { d in
            [
                // The hourly rollups summed per UTC day (hour_ms holds the day's start): long dashboard periods
                // read 24× fewer rows. Kept in the same transaction as the hourly ones.
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
                )\(d.withoutRowID)
                """,
                """
                INSERT INTO mention_rollups_daily (hour_ms, rule_id, network, sentiment, level, language, mention_count)
                SELECT hour_ms - (hour_ms % 86400000), rule_id, network, sentiment, level, language, sum(mention_count)
                FROM mention_rollups
                GROUP BY hour_ms - (hour_ms % 86400000), rule_id, network, sentiment, level, language
                """,
            ]
        },
        LegacyMigration(version: 11, name: "desk: notifications, consent, channels") { d in
            [
                """
                CREATE TABLE notifications (
                    id \(d.primaryKey),
                    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    at_ms BIGINT NOT NULL,
                    kind TEXT NOT NULL,
                    conversation_id BIGINT,
                    actor_id BIGINT,
                    text TEXT NOT NULL,
                    read_ms BIGINT
                )
                """,
                "CREATE INDEX notifications_user ON notifications (user_id, read_ms, id)",
                // Consent per purpose: {"surveys": {"granted": false, "atMs": …, "by": "agent:3"}}.
                "ALTER TABLE customers ADD COLUMN consent TEXT NOT NULL DEFAULT '{}'",
                """
                CREATE TABLE channels (
                    network TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    account TEXT NOT NULL DEFAULT '',
                    replies_enabled INTEGER NOT NULL DEFAULT 1,
                    default_team_id BIGINT,
                    updated_ms BIGINT NOT NULL
                )
                """,
            ]
        },
        LegacyMigration(version: 14, name: "content ids for Bluesky replies, shared sign-in limiter") { d in
            contentIDColumns(table: "mentions") + [
                // One row per counted sign-in attempt, so that every instance on one database sees the same
                // count; rows older than the limiter's window are pruned as new ones arrive.
                """
                CREATE TABLE sign_in_attempts (
                    id \(d.primaryKey),
                    account TEXT NOT NULL,
                    at_ms BIGINT NOT NULL
                )
                """,
                "CREATE INDEX sign_in_attempts_account ON sign_in_attempts (account, at_ms)",
                "CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at_ms)",
            ]
        },
        LegacyMigration(version: 15, name: "narrow rollups: one cube without the language, one of the language") { d in
            [
                // The full cube (× language) made every chart scan 3–5× the rows it needs: the same counts are kept
                // as two narrower cubes, one without the language and one of the language alone.
                """
                CREATE TABLE rollups_hourly (
                    hour_ms BIGINT NOT NULL,
                    rule_id BIGINT NOT NULL,
                    network TEXT NOT NULL,
                    sentiment TEXT NOT NULL,
                    level TEXT NOT NULL,
                    mention_count BIGINT NOT NULL,
                    PRIMARY KEY (hour_ms, rule_id, network, sentiment, level)
                )\(d.withoutRowID)
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
                )\(d.withoutRowID)
                """,
                """
                CREATE TABLE language_rollups_hourly (
                    hour_ms BIGINT NOT NULL,
                    rule_id BIGINT NOT NULL,
                    network TEXT NOT NULL,
                    language TEXT NOT NULL,
                    mention_count BIGINT NOT NULL,
                    PRIMARY KEY (hour_ms, rule_id, network, language)
                )\(d.withoutRowID)
                """,
                """
                CREATE TABLE language_rollups_daily (
                    hour_ms BIGINT NOT NULL,
                    rule_id BIGINT NOT NULL,
                    network TEXT NOT NULL,
                    language TEXT NOT NULL,
                    mention_count BIGINT NOT NULL,
                    PRIMARY KEY (hour_ms, rule_id, network, language)
                )\(d.withoutRowID)
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
            ]
        },
        orders,
        .digestRuns,
        .serviceRollups,
        .rollupJournals,
        .narrowMentionCubes,
    ]

    /// The post's and its thread root's content ids (Bluesky CIDs), which a reply must cite. Shared with the
    /// ingest benchmark's `raw_mentions`, which copies the shape of `mentions`.
    static func contentIDColumns(table: String) -> [String] {
        [
            "ALTER TABLE \(table) ADD COLUMN content_id TEXT",
            "ALTER TABLE \(table) ADD COLUMN thread_root_content_id TEXT",
        ]
    }
}

extension LegacyMigration {
    /// Version 16: orders per customer (imported from a shop or billing system), for the satisfaction → revenue
    /// report. `order_ref` is the shop's own order id: importing the same order twice changes nothing.
    static let orders = LegacyMigration(version: 16, name: "orders per customer") { d in
        [
            """
            CREATE TABLE orders (
                id \(d.primaryKey),
                order_ref TEXT NOT NULL UNIQUE,
                customer_id BIGINT NOT NULL REFERENCES customers (id),
                ordered_ms BIGINT NOT NULL,
                amount \(d.double) NOT NULL,
                currency TEXT NOT NULL,
                imported_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX orders_customer ON orders (customer_id, ordered_ms)",
            "CREATE INDEX orders_ordered ON orders (ordered_ms)",
        ]
    }
}

extension LegacyMigration {
    /// Version 17: which digest periods were sent, so a restart or a second instance does not send one twice.
    static let digestRuns = LegacyMigration(version: 17, name: "digest runs") { _ in
        [
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
        ]
    }
}

extension LegacyMigration {
    /// Version 18: service and survey rollups (``DerivedRollup``), filled from the existing rows, and the
    /// indexes the live parts of the service figures read.
    static let serviceRollups = LegacyMigration(version: 18, name: "service and survey rollups") { d in
        // The cubes as they were at version 18: `active` came with version 19.
        (DerivedRollup.serviceCubes.map { $0.without(measure: "active") } + [DerivedRollup.surveys])
            .flatMap { $0.createStatements(d) + $0.rebuildStatements }
            + [
                "CREATE INDEX conversations_created ON conversations (created_ms)",
                // Covering: the overdue count and the backlog read only these indexes.
                """
                CREATE INDEX conversations_unsettled ON conversations (created_ms, sla_due_ms, network, team_id, assignee_id)
                WHERE first_response_ms IS NULL AND resolved_ms IS NULL AND sla_due_ms IS NOT NULL
                """,
                "CREATE INDEX conversations_backlog ON conversations (status, created_ms, network, team_id)",
            ]
    }
}

extension LegacyMigration {
    /// Version 19: the journals the service and survey rollups are kept through (``RollupJournal``), and the
    /// service cubes' `active` count (the backlog by age), filled from the rows.
    static let rollupJournals = LegacyMigration(version: 19, name: "rollup journals, backlog in the service rollups") {
        d in
        [RollupJournal.conversations.createStatement(d), RollupJournal.surveys.createStatement(d)]
            + DerivedRollup.serviceCubes.flatMap { cube in
                [cube.hourly, cube.daily].map { "ALTER TABLE \($0) ADD COLUMN active BIGINT NOT NULL DEFAULT 0" }
                    + cube.rebuildStatements
            }
    }
}

extension LegacyMigration {
    /// Version 20: narrower mention cubes for the dashboard's charts, filled from the main cube.
    static let narrowMentionCubes = LegacyMigration(version: 20, name: "mention cubes by network, sentiment and level")
    {
        d in
        [RollupCube.networks, .sentiments, .levels].flatMap { $0.createStatements(d) + $0.backfill(from: .main) }
    }
}
