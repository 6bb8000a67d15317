extension Migration {
    /// Version 21: offboarding and scoped tokens — token scopes and last use, a forced password change after an
    /// admin reset, and where each audited action came from.
    static let access = Migration(version: 21, name: "token scopes, password resets, audit address, health probe, identity claims") { d in
        [
            // NULL scopes: a personal token (the user's role applies) or a machine token made before scopes,
            // which keeps the full machine rights it had.
            "ALTER TABLE api_tokens ADD COLUMN scopes TEXT",
            "ALTER TABLE api_tokens ADD COLUMN last_used_ms BIGINT",
            "ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE audit_log ADD COLUMN address TEXT",
            "CREATE INDEX audit_log_at ON audit_log (at_ms)",
            "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
            // One row that /health rewrites: proves the database still accepts writes (disk full, read-only mount).
            "CREATE TABLE health_probe (id INTEGER PRIMARY KEY, checked_ms BIGINT NOT NULL)",
            // An identity named in a message ("I also tweeted you as @x") waits here for an agent: merging or
            // linking on a stranger's word let anyone take over another customer's profile.
            """
            CREATE TABLE identity_claims (
                id \(d.primaryKey),
                customer_id BIGINT NOT NULL REFERENCES customers (id),
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                evidence TEXT NOT NULL,
                message_id BIGINT,
                status TEXT NOT NULL DEFAULT 'open',
                decided_by BIGINT,
                decided_ms BIGINT,
                created_ms BIGINT NOT NULL,
                UNIQUE (customer_id, kind, value)
            )
            """,
            "CREATE INDEX identity_claims_open ON identity_claims (customer_id, status)",
        ]
    }
}
