// Frozen: the SQL this migration ran when it was released. Never edit it; add a new migration.
extension Migration {
    /// Version 4: the desk: users, sessions, teams, customers and their identities, conversations, messages,
    /// threading keys, events, the outbox, the audit log, canned replies, routing rules, SLA policies and settings.
    static let desk = Migration(
        version: 4, name: "desk: users, customers, conversations, outbox, audit",
        sqlite: [
            """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
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
                id INTEGER PRIMARY KEY AUTOINCREMENT,
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
                id INTEGER PRIMARY KEY AUTOINCREMENT,
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
                id INTEGER PRIMARY KEY AUTOINCREMENT,
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
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                conversation_id BIGINT NOT NULL REFERENCES conversations (id),
                direction TEXT NOT NULL,
                mention_id BIGINT UNIQUE,
                network TEXT NOT NULL,
                external_id TEXT,
                author_name TEXT NOT NULL,
                user_id BIGINT,
                body TEXT NOT NULL,
                sentiment TEXT,
                sentiment_score REAL,
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
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                conversation_id BIGINT NOT NULL REFERENCES conversations (id),
                at_ms BIGINT NOT NULL,
                actor TEXT NOT NULL,
                change TEXT NOT NULL
            )
            """,
            "CREATE INDEX conversation_events_conversation ON conversation_events (conversation_id, id)",
            """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
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
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at_ms BIGINT NOT NULL,
                user_id BIGINT,
                action TEXT NOT NULL,
                target TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT ''
            )
            """,
            """
            CREATE TABLE canned_replies (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                title TEXT NOT NULL UNIQUE,
                body TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE routing_rules (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                position INTEGER NOT NULL,
                definition TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE sla_policies (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
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
        ],
        postgres: [
            """
            CREATE TABLE users (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                conversation_id BIGINT NOT NULL REFERENCES conversations (id),
                direction TEXT NOT NULL,
                mention_id BIGINT UNIQUE,
                network TEXT NOT NULL,
                external_id TEXT,
                author_name TEXT NOT NULL,
                user_id BIGINT,
                body TEXT NOT NULL,
                sentiment TEXT,
                sentiment_score DOUBLE PRECISION,
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
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                conversation_id BIGINT NOT NULL REFERENCES conversations (id),
                at_ms BIGINT NOT NULL,
                actor TEXT NOT NULL,
                change TEXT NOT NULL
            )
            """,
            "CREATE INDEX conversation_events_conversation ON conversation_events (conversation_id, id)",
            """
            CREATE TABLE outbox (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                at_ms BIGINT NOT NULL,
                user_id BIGINT,
                action TEXT NOT NULL,
                target TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT ''
            )
            """,
            """
            CREATE TABLE canned_replies (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                title TEXT NOT NULL UNIQUE,
                body TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE routing_rules (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                position INTEGER NOT NULL,
                definition TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE sla_policies (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
        ])
}
