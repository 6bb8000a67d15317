import Foundation
import Logging
import SQLKit

/// Erases one person's personal data everywhere Rapport stores it, in one transaction (the right to erasure).
///
/// Rows stay where counts depend on them — mentions (ingest de-duplication and the mention rollups), messages
/// (conversation counts), surveys (scores), orders (revenue), conversations (service figures) — with every text
/// and identifier of the person replaced; rows nothing counts (identities, thread and message keys, queued
/// intake) are deleted. No rollup or rollup journal is written, so every dashboard figure stays as it was. The
/// profile becomes a tombstone named ``tombstoneName(_:)``. See `docs/privacy.md` for the list of fields.
public struct CustomerEraser: Sendable {
    let database: Database

    /// What replaces an erased text.
    public static let erasedText = "[erased]"

    public init(database: Database) {
        self.database = database
    }

    /// The name an erased profile keeps.
    public static func tombstoneName(_ id: Int64) -> String { "erased customer #\(id)" }

    /// Erases `customerID` and the profiles merged into it; nil when there is no such customer. A customer erased
    /// before is left as it is (`alreadyErased`). Audited (`customer.erase`: who, from where, the counts) in the
    /// same transaction.
    public func erase(customerID: Int64, by userID: Int64?, from origin: String, at date: Date = Date())
        async throws -> ErasureReport?
    {
        let report = try await database.transaction { db -> ErasureReport? in
            guard let scope = try await PersonScope.find(db, customerID: customerID) else { return nil }
            let name = try await db.raw("SELECT name FROM customers WHERE id = \(bind: scope.customerID)").first()?
                .decode(column: "name", as: String.self)
            var report: ErasureReport
            if name == Self.tombstoneName(scope.customerID) {
                report = ErasureReport(customerID: customerID, alreadyErased: true)
            } else {
                report = try await Self.erase(db, scope, at: date)
                report.customerID = customerID
            }
            try await AuditLog.record(
                db, userID: userID, action: "customer.erase", target: "customer:\(customerID)",
                detail: "from \(origin); " + (report.alreadyErased ? "already erased, nothing changed" : report.summary)
            )
            return report
        }
        if let report, !report.alreadyErased, report.mentions > 0 {
            // Committed already: a failure here leaves the old tokens for SQLite's own merges to drop later.
            do { try await FullTextCompaction.run(database) } catch {
                database.logger.warning("erase: full-text index not compacted yet: \(error)")
            }
        }
        return report
    }

    static func erase(_ db: any SQLDatabase, _ scope: PersonScope, at date: Date) async throws -> ErasureReport {
        var report = ErasureReport(customerID: scope.customerID, alreadyErased: false)
        // Collected before anything changes: the strings free texts elsewhere may quote.
        let quoted = try await PersonalStrings.collect(db, scope)
        let erased = erasedText
        report.profiles = scope.customerIDs.count
        report.conversations = scope.conversationIDs.count
        report.messages = scope.messageIDs.count
        report.mentions = scope.mentionIDs.count
        report.authors = scope.authorIDs.count

        try await scrubMentions(db, scope)
        try await PersonScope.run(
            db,
            """
            UPDATE authors SET handle = ?, display_name = NULL, profile_url = NULL, bio = NULL,
                external_id = 'erased:' || CAST(id AS TEXT)
            WHERE id IN (%@)
            """, scope.authorIDs, before: ["erased"])
        try await PersonScope.run(
            db,
            """
            UPDATE conversation_messages SET body = ?,
                author_name = CASE WHEN direction = 'in' THEN ? ELSE author_name END,
                delivery_error = CASE WHEN delivery_error IS NULL THEN NULL ELSE ? END
            WHERE id IN (%@)
            """, scope.messageIDs, before: [erased, erased, erased])
        try await PersonScope.run(
            db, "UPDATE conversations SET subject = ? WHERE id IN (%@)", scope.conversationIDs, before: [erased])
        try await scrubNoteEvents(db, scope)
        for table in ["message_keys", "thread_keys"] {
            try await PersonScope.run(db, "DELETE FROM \(table) WHERE conversation_id IN (%@)", scope.conversationIDs)
        }
        report.outboxItems = try await scrubOutbox(db, scope)
        try await PersonScope.run(
            db, "UPDATE notifications SET text = ? WHERE conversation_id IN (%@)", scope.conversationIDs,
            before: [erased])
        report.identities = try await PersonScope.rows(
            db, "SELECT count(*) AS n FROM customer_identities WHERE customer_id IN (%@)", scope.customerIDs
        ).reduce(0) { $0 + (try $1.decode(column: "n", as: Int.self)) }
        try await PersonScope.run(db, "DELETE FROM customer_identities WHERE customer_id IN (%@)", scope.customerIDs)
        for id in scope.customerIDs {
            try await db.raw(
                """
                UPDATE customers SET name = \(bind: tombstoneName(id)), facts = '{}', tags = '', consent = '{}',
                    updated_ms = \(bind: date.millisecondsSince1970)
                WHERE id = \(bind: id)
                """
            ).run()
        }
        // Community members who are this person (#16): emptied like a deleted account, and their posts' text erased
        // (a member's own deletion keeps posts as "Former member"; an erasure request removes what they wrote).
        let members = try await PersonScope.ids(
            db, "SELECT id FROM community_members WHERE customer_id IN (%@)", scope.customerIDs)
        try await PersonScope.run(
            db,
            """
            UPDATE community_posts SET body = ?, title = CASE WHEN title IS NULL THEN NULL ELSE ? END
            WHERE member_id IN (%@)
            """, members, before: [erased, erased])
        for member in members { try await CommunityMemberStore.anonymise(db, memberID: member, at: date) }
        report.merges = try await scrubMerges(db, scope)
        report.surveys = try await PersonScope.ids(
            db, "SELECT id FROM surveys WHERE customer_id IN (%@)", scope.customerIDs
        ).count
        // The score stays (experience figures and their rollups); whether there was a comment stays too.
        try await PersonScope.run(
            db, "UPDATE surveys SET comment = ? WHERE comment IS NOT NULL AND customer_id IN (%@)", scope.customerIDs,
            before: [erased])
        report.orders = try await PersonScope.ids(
            db, "SELECT id FROM orders WHERE customer_id IN (%@)", scope.customerIDs
        ).count
        // Date, amount and currency stay (revenue report); the shop's order id links back to the person.
        try await PersonScope.run(
            db, "UPDATE orders SET order_ref = 'erased:' || CAST(id AS TEXT) WHERE customer_id IN (%@)",
            scope.customerIDs)
        report.alerts = try await scrubAlerts(db, scope, quoted: quoted)
        try await redactFreeTexts(db, scope, quoted: quoted)
        return report
    }

    /// Mention texts and links go; ids, times, analysis labels and metrics stay (de-duplication, rollups). The
    /// full-text index follows: PostgreSQL's generated tsvector by itself, SQLite's external-content FTS5 table
    /// by hand (its old tokens deleted with the old values, then the erased text indexed).
    private static func scrubMentions(_ db: any SQLDatabase, _ scope: PersonScope) async throws {
        let sqlite = Dialect(db) == .sqlite
        if sqlite {
            try await PersonScope.run(
                db,
                """
                INSERT INTO mentions_fts(mentions_fts, rowid, text, title)
                SELECT 'delete', id, text, coalesce(title, '') FROM mentions WHERE id IN (%@)
                """, scope.mentionIDs)
        }
        try await PersonScope.run(
            db,
            """
            UPDATE mentions SET text = ?, title = NULL, url = NULL, hashtags = '', mentioned = '', analysis = NULL
            WHERE id IN (%@)
            """, scope.mentionIDs, before: [erasedText])
        if sqlite {
            try await PersonScope.run(
                db,
                "INSERT INTO mentions_fts(rowid, text, title) SELECT id, text, coalesce(title, '') FROM mentions WHERE id IN (%@)",
                scope.mentionIDs)
        }
        // Not yet taken by the desk: nothing is left to take.
        try await PersonScope.run(db, "DELETE FROM desk_queue WHERE mention_id IN (%@)", scope.mentionIDs)
    }
}
