import Foundation
import SQLKit

/// The community's durable mail queue (voters told of a status change): a mail is queued in the transaction of
/// the change it reports, then sent by ``claim(limit:now:)`` / ``sent(id:at:)`` / ``failed(id:error:retryAt:)``,
/// so nothing acknowledged is lost to a crash or a relay outage. Each has a dedupe key: queued once.
public struct CommunityMailStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A mail to queue.
    public struct Draft: Sendable, Hashable {
        public var to: String
        public var subject: String
        public var body: String
        /// Unique per mail: the same key is queued once (and becomes the Message-ID).
        public var key: String

        public init(to: String, subject: String, body: String, key: String) {
            self.to = to
            self.subject = subject
            self.body = body
            self.key = key
        }
    }

    /// A queued mail claimed for sending.
    public struct Mail: Sendable, Hashable {
        public var id: Int64
        public var to: String
        public var subject: String
        public var body: String
        public var key: String
        /// Including this one.
        public var attempts: Int
        public var status: String
    }

    /// Queues mails in the caller's transaction (a key already queued is skipped).
    static func enqueue(_ db: any SQLDatabase, _ drafts: [Draft], at date: Date) async throws {
        let ms = date.millisecondsSince1970
        for draft in drafts {
            try await db.raw(
                """
                INSERT INTO community_mail (to_address, subject, body, dedupe_key, status, attempts, next_ms,
                    created_ms)
                VALUES (\(bind: draft.to), \(bind: draft.subject), \(bind: draft.body), \(bind: draft.key), 'pending',
                    0, \(bind: ms), \(bind: ms))
                ON CONFLICT (dedupe_key) DO NOTHING
                """
            ).run()
        }
    }

    /// How long a claimed mail may stay unanswered before another sender takes it (its instance died).
    public static let claimTimeout: TimeInterval = 600

    /// Claims up to `limit` mails due now (and any whose sender vanished), oldest first; on PostgreSQL instances
    /// skip each other's rows.
    public func claim(limit: Int = 20, now: Date = Date()) async throws -> [Mail] {
        let ms = now.millisecondsSince1970
        let stale = ms - Int64(Self.claimTimeout * 1000)
        let skipLocked = database.dialect.forUpdateSkipLocked
        return try await database.transaction { db in
            try await db.raw(
                SQLQueryString(
                    """
                    UPDATE community_mail SET status = 'sending', claimed_ms = \(bind: ms), attempts = attempts + 1
                    WHERE id IN (SELECT id FROM community_mail
                        WHERE (status = 'pending' AND next_ms <= \(bind: ms))
                            OR (status = 'sending' AND claimed_ms < \(bind: stale))
                        ORDER BY id LIMIT \(bind: Int64(limit))\(unsafeRaw: skipLocked))
                    RETURNING *
                    """)
            ).all().map {
                Mail(
                    id: try $0.decode(column: "id", as: Int64.self),
                    to: try $0.decode(column: "to_address", as: String.self),
                    subject: try $0.decode(column: "subject", as: String.self),
                    body: try $0.decode(column: "body", as: String.self),
                    key: try $0.decode(column: "dedupe_key", as: String.self),
                    attempts: try $0.decode(column: "attempts", as: Int.self),
                    status: try $0.decode(column: "status", as: String.self))
            }.sorted { $0.id < $1.id }
        }
    }

    /// The relay accepted it.
    public func sent(id: Int64, at date: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                UPDATE community_mail SET status = 'sent', sent_ms = \(bind: date.millisecondsSince1970),
                    last_error = NULL
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    /// It failed: tried again at `retryAt`, or given up (`failed`) when nil.
    public func failed(id: Int64, error: String, retryAt: Date?) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                UPDATE community_mail SET status = \(bind: retryAt == nil ? "failed" : "pending"),
                    next_ms = \(bind: retryAt?.millisecondsSince1970 ?? 0), last_error = \(bind: String(error.prefix(500)))
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    /// Mails by status (tests and the docs' "what is waiting").
    public func counts() async throws -> [String: Int] {
        try await database.read { db in
            var counts: [String: Int] = [:]
            for row in try await db.raw("SELECT status, count(*) AS n FROM community_mail GROUP BY status").all() {
                counts[try row.decode(column: "status", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }
}
