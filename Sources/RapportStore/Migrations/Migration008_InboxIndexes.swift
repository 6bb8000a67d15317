// Frozen: the SQL this migration ran when it was released. Never edit it; add a new migration.
extension Migration {
    /// Version 8: partial indexes over the active conversations only, each in the order a queue shows: a page
    /// reads its rows straight off the index and stops at the page size.
    static let inboxIndexes = Migration(
        version: 8, name: "inbox indexes",
        sql: [
            """
            CREATE INDEX conversations_active_updated ON conversations (updated_ms, id) WHERE status IN ('new', 'open', 'pending')
            """,
            """
            CREATE INDEX conversations_active_assignee ON conversations (assignee_id, updated_ms, id) WHERE status IN ('new', 'open', 'pending')
            """,
            """
            CREATE INDEX conversations_active_team ON conversations (team_id, updated_ms, id) WHERE status IN ('new', 'open', 'pending')
            """,
            """
            CREATE INDEX conversations_active_priority ON conversations (priority, updated_ms, id) WHERE status IN ('new', 'open', 'pending')
            """,
            """
            CREATE INDEX conversations_active_unassigned ON conversations (updated_ms, id) WHERE status IN ('new', 'open', 'pending') AND assignee_id IS NULL
            """,
            """
            CREATE INDEX conversations_active_sla ON conversations (sla_due_ms) WHERE status IN ('new', 'open', 'pending')
            """,
        ])
}
