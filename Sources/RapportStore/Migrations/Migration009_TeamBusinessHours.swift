// Frozen: the SQL this migration ran when it was released. Never edit it; add a new migration.
extension Migration {
    /// Version 9: each team's business hours (the SLA clocks run only within them).
    static let teamBusinessHours = Migration(
        version: 9, name: "team business hours",
        sql: [
            "ALTER TABLE teams ADD COLUMN business_hours TEXT"
        ])
}
