// Frozen: the SQL this migration ran when it was released. Never edit it; add a new migration.
extension Migration {
    /// Version 24: the customer community (#16): members linked to customers, one-time sign-in links and their
    /// own sessions, posts (ideas, comments; questions and answers later) with moderation state, one vote per
    /// member and post, members' reports of posts, and the community's durable mail queue (voters told of a status change).
    static let community = Migration(
        version: 24, name: "community members, posts, votes and mail",
        sqlite: [
            """
            CREATE TABLE community_members (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id BIGINT REFERENCES customers (id),
                email TEXT,
                display_name TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'active',
                trusted INTEGER NOT NULL DEFAULT 0,
                created_ms BIGINT NOT NULL,
                last_active_ms BIGINT NOT NULL,
                blocked_ms BIGINT,
                deleted_ms BIGINT
            )
            """,
            "CREATE UNIQUE INDEX community_members_email ON community_members (email)",
            "CREATE INDEX community_members_customer ON community_members (customer_id)",
            """
            CREATE TABLE community_signin_tokens (
                token_hash TEXT PRIMARY KEY,
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                created_ms BIGINT NOT NULL,
                expires_ms BIGINT NOT NULL,
                used_ms BIGINT
            )
            """,
            "CREATE INDEX community_signin_tokens_member ON community_signin_tokens (member_id)",
            """
            CREATE TABLE community_sessions (
                token_hash TEXT PRIMARY KEY,
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                csrf TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                expires_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX community_sessions_member ON community_sessions (member_id)",
            """
            CREATE TABLE community_posts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                parent_id BIGINT REFERENCES community_posts (id),
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                title TEXT,
                body TEXT NOT NULL,
                state TEXT NOT NULL,
                hold_reason TEXT,
                rejection_reason TEXT,
                status TEXT,
                response TEXT,
                responded_by BIGINT,
                responded_ms BIGINT,
                duplicate_of BIGINT REFERENCES community_posts (id),
                accepted_answer_id BIGINT,
                board TEXT NOT NULL DEFAULT 'public',
                created_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX community_posts_list ON community_posts (kind, state, created_ms)",
            "CREATE INDEX community_posts_parent ON community_posts (parent_id, created_ms)",
            "CREATE INDEX community_posts_member ON community_posts (member_id)",
            "CREATE INDEX community_posts_state ON community_posts (state, created_ms)",
            """
            CREATE TABLE community_votes (
                post_id BIGINT NOT NULL REFERENCES community_posts (id),
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                created_ms BIGINT NOT NULL,
                PRIMARY KEY (post_id, member_id)
            )
            """,
            "CREATE INDEX community_votes_member ON community_votes (member_id)",
            """
            CREATE TABLE community_mail (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                to_address TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                dedupe_key TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_ms BIGINT NOT NULL,
                claimed_ms BIGINT,
                sent_ms BIGINT,
                last_error TEXT,
                created_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX community_mail_due ON community_mail (status, next_ms)",
            """
            CREATE TABLE community_reports (
                post_id BIGINT NOT NULL REFERENCES community_posts (id),
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                reason TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                PRIMARY KEY (post_id, member_id)
            )
            """,
            "CREATE INDEX community_reports_member ON community_reports (member_id)",
        ],
        postgres: [
            """
            CREATE TABLE community_members (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                customer_id BIGINT REFERENCES customers (id),
                email TEXT,
                display_name TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'active',
                trusted INTEGER NOT NULL DEFAULT 0,
                created_ms BIGINT NOT NULL,
                last_active_ms BIGINT NOT NULL,
                blocked_ms BIGINT,
                deleted_ms BIGINT
            )
            """,
            "CREATE UNIQUE INDEX community_members_email ON community_members (email)",
            "CREATE INDEX community_members_customer ON community_members (customer_id)",
            """
            CREATE TABLE community_signin_tokens (
                token_hash TEXT PRIMARY KEY,
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                created_ms BIGINT NOT NULL,
                expires_ms BIGINT NOT NULL,
                used_ms BIGINT
            )
            """,
            "CREATE INDEX community_signin_tokens_member ON community_signin_tokens (member_id)",
            """
            CREATE TABLE community_sessions (
                token_hash TEXT PRIMARY KEY,
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                csrf TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                expires_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX community_sessions_member ON community_sessions (member_id)",
            """
            CREATE TABLE community_posts (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                kind TEXT NOT NULL,
                parent_id BIGINT REFERENCES community_posts (id),
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                title TEXT,
                body TEXT NOT NULL,
                state TEXT NOT NULL,
                hold_reason TEXT,
                rejection_reason TEXT,
                status TEXT,
                response TEXT,
                responded_by BIGINT,
                responded_ms BIGINT,
                duplicate_of BIGINT REFERENCES community_posts (id),
                accepted_answer_id BIGINT,
                board TEXT NOT NULL DEFAULT 'public',
                created_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX community_posts_list ON community_posts (kind, state, created_ms)",
            "CREATE INDEX community_posts_parent ON community_posts (parent_id, created_ms)",
            "CREATE INDEX community_posts_member ON community_posts (member_id)",
            "CREATE INDEX community_posts_state ON community_posts (state, created_ms)",
            """
            CREATE TABLE community_votes (
                post_id BIGINT NOT NULL REFERENCES community_posts (id),
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                created_ms BIGINT NOT NULL,
                PRIMARY KEY (post_id, member_id)
            )
            """,
            "CREATE INDEX community_votes_member ON community_votes (member_id)",
            """
            CREATE TABLE community_mail (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                to_address TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                dedupe_key TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_ms BIGINT NOT NULL,
                claimed_ms BIGINT,
                sent_ms BIGINT,
                last_error TEXT,
                created_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX community_mail_due ON community_mail (status, next_ms)",
            """
            CREATE TABLE community_reports (
                post_id BIGINT NOT NULL REFERENCES community_posts (id),
                member_id BIGINT NOT NULL REFERENCES community_members (id),
                reason TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                PRIMARY KEY (post_id, member_id)
            )
            """,
            "CREATE INDEX community_reports_member ON community_reports (member_id)",
        ])
}
