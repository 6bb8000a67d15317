import Foundation
import RapportDesk
import SQLKit

/// Community members: invitations (finding or creating the customer behind an email), one-time sign-in links,
/// sessions (their own, apart from the desk's), blocking and deleting an account. Only hashes of link and
/// session tokens are stored.
public struct CommunityMemberStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The member with this (normalised) email, creating the member — and the customer, unless a customer already
    /// has the email as an identity — when there is none. A deleted account's email is gone, so the address can
    /// join again as a new member. `created` tells which.
    public func findOrCreate(email: String, displayName: String, at date: Date = Date()) async throws
        -> (member: CommunityMember, created: Bool)
    {
        try await database.transaction { db in
            if let row = try await db.raw("SELECT * FROM community_members WHERE email = \(bind: email)").first() {
                return (try Self.decode(row), false)
            }
            let ms = date.millisecondsSince1970
            let identity = Identity(.email, email).value
            var customerID = try await db.raw(
                "SELECT customer_id FROM customer_identities WHERE kind = 'email' AND value = \(bind: identity)"
            ).first()?.decode(column: "customer_id", as: Int64.self)
            // A merged profile answers for its source.
            if let id = customerID,
                let merged = try await db.raw("SELECT merged_into FROM customers WHERE id = \(bind: id)").first()?
                    .decode(column: "merged_into", as: Int64?.self)
            {
                customerID = merged
            }
            if customerID == nil {
                let row = try await db.raw(
                    """
                    INSERT INTO customers (name, created_ms, updated_ms) VALUES (\(bind: displayName), \(bind: ms),
                        \(bind: ms))
                    RETURNING id
                    """
                ).first()
                guard let id = try row?.decode(column: "id", as: Int64.self) else {
                    throw StoreError.notFound("inserted customer")
                }
                try await db.raw(
                    """
                    INSERT INTO customer_identities (kind, value, customer_id, verified, evidence, linked_ms)
                    VALUES ('email', \(bind: identity), \(bind: id), 0, 'community invitation', \(bind: ms))
                    ON CONFLICT (kind, value) DO NOTHING
                    """
                ).run()
                customerID = id
            }
            let row = try await db.raw(
                """
                INSERT INTO community_members (customer_id, email, display_name, status, trusted, created_ms,
                    last_active_ms)
                VALUES (\(bind: customerID), \(bind: email), \(bind: displayName), 'active', 0, \(bind: ms), \(bind: ms))
                RETURNING *
                """
            ).first()
            guard let row else { throw StoreError.notFound("inserted member") }
            return (try Self.decode(row), true)
        }
    }

    public func member(id: Int64) async throws -> CommunityMember? {
        try await database.read { db in
            try await db.raw("SELECT * FROM community_members WHERE id = \(bind: id)").first().map(Self.decode)
        }
    }

    public func member(email: String) async throws -> CommunityMember? {
        try await database.read { db in
            try await db.raw("SELECT * FROM community_members WHERE email = \(bind: email)").first().map(Self.decode)
        }
    }

    /// Stores a one-time sign-in link's token hash, valid until `expiresAt`.
    public func addSignInToken(hash: String, memberID: Int64, expiresAt: Date, at date: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO community_signin_tokens (token_hash, member_id, created_ms, expires_ms)
                VALUES (\(bind: hash), \(bind: memberID), \(bind: date.millisecondsSince1970),
                    \(bind: expiresAt.millisecondsSince1970))
                """
            ).run()
            // Spent and expired links are swept as new ones are made.
            try await db.raw(
                """
                DELETE FROM community_signin_tokens
                WHERE expires_ms < \(bind: date.millisecondsSince1970 - 86_400_000)
                """
            ).run()
        }
    }

    /// Spends a sign-in link and opens a session in one transaction: nil when the link is unknown, used, expired,
    /// or its member is blocked or deleted. A link works once, even when two requests race.
    public func redeem(
        tokenHash: String, sessionHash: String, csrf: String, sessionExpiresAt: Date, at date: Date = Date()
    ) async throws -> CommunityMember? {
        let ms = date.millisecondsSince1970
        return try await database.transaction { db in
            guard
                let row = try await db.raw(
                    """
                    UPDATE community_signin_tokens SET used_ms = \(bind: ms)
                    WHERE token_hash = \(bind: tokenHash) AND used_ms IS NULL AND expires_ms > \(bind: ms)
                    RETURNING member_id
                    """
                ).first()
            else { return nil }
            let memberID = try row.decode(column: "member_id", as: Int64.self)
            guard
                let member = try await db.raw(
                    "SELECT * FROM community_members WHERE id = \(bind: memberID) AND status = 'active'"
                ).first().map(Self.decode)
            else { return nil }
            try await db.raw(
                """
                INSERT INTO community_sessions (token_hash, member_id, csrf, created_ms, expires_ms)
                VALUES (\(bind: sessionHash), \(bind: memberID), \(bind: csrf), \(bind: ms),
                    \(bind: sessionExpiresAt.millisecondsSince1970))
                """
            ).run()
            try await db.raw("DELETE FROM community_sessions WHERE expires_ms < \(bind: ms)").run()
            try await db.raw(
                "UPDATE community_members SET last_active_ms = \(bind: ms) WHERE id = \(bind: memberID)"
            ).run()
            return member
        }
    }

    /// The live session for a cookie token's hash (its member active).
    public func session(tokenHash: String, now: Date = Date()) async throws -> CommunitySession? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT m.*, s.csrf AS session_csrf FROM community_sessions s
                    JOIN community_members m ON m.id = s.member_id
                    WHERE s.token_hash = \(bind: tokenHash) AND s.expires_ms > \(bind: now.millisecondsSince1970)
                        AND m.status = 'active'
                    """
                ).first()
            else { return nil }
            return CommunitySession(
                member: try Self.decode(row), csrfToken: try row.decode(column: "session_csrf", as: String.self))
        }
    }

    public func endSession(tokenHash: String) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM community_sessions WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    /// Deletes the member's account at their request: name and email gone, sessions and unused links ended,
    /// votes withdrawn; posts stay, shown as "Former member". Audited (no desk user: the member acted).
    public func deleteAccount(memberID: Int64, address: String?, at date: Date = Date()) async throws {
        try await database.transaction { db in
            try await Self.anonymise(db, memberID: memberID, at: date)
            try await AuditLog.record(
                db, userID: nil, action: "community.member.delete", target: "community_member:\(memberID)",
                detail: "deleted by the member", address: address)
        }
    }

    /// Empties a member's account (own deletion, or the customer's erasure) in the caller's transaction.
    static func anonymise(_ db: any SQLDatabase, memberID: Int64, at date: Date) async throws {
        try await db.raw(
            """
            UPDATE community_members SET status = 'deleted', email = NULL, display_name = '', customer_id = NULL,
                deleted_ms = \(bind: date.millisecondsSince1970)
            WHERE id = \(bind: memberID)
            """
        ).run()
        try await db.raw("DELETE FROM community_sessions WHERE member_id = \(bind: memberID)").run()
        try await db.raw("DELETE FROM community_signin_tokens WHERE member_id = \(bind: memberID)").run()
        try await db.raw("DELETE FROM community_votes WHERE member_id = \(bind: memberID)").run()
        try await db.raw("DELETE FROM community_reports WHERE member_id = \(bind: memberID)").run()
    }

    /// Marks the member active now (posting, voting).
    static func touch(_ db: any SQLDatabase, memberID: Int64, at date: Date) async throws {
        try await db.raw(
            """
            UPDATE community_members SET last_active_ms = \(bind: date.millisecondsSince1970)
            WHERE id = \(bind: memberID)
            """
        ).run()
    }

    /// What the member did, for their points, rank and badges (``MemberStanding``).
    public struct Contributions: Sendable, Hashable {
        public var ideas = 0
        public var votesReceived = 0
        public var ideasAdopted = 0
        public var ideasShipped = 0
        public var comments = 0
        public var votesGiven = 0
        public var acceptedAnswers = 0
    }

    public func contributions(memberID: Int64) async throws -> Contributions {
        try await database.read { db in
            var c = Contributions()
            let row = try await db.raw(
                """
                SELECT
                  (SELECT count(*) FROM community_posts WHERE member_id = \(bind: memberID) AND kind = 'idea'
                     AND state = 'published') AS ideas,
                  (SELECT count(*) FROM community_posts WHERE member_id = \(bind: memberID) AND kind = 'idea'
                     AND state = 'published' AND status IN ('planned', 'started', 'shipped')) AS adopted,
                  (SELECT count(*) FROM community_posts WHERE member_id = \(bind: memberID) AND kind = 'idea'
                     AND state = 'published' AND status = 'shipped') AS shipped,
                  (SELECT count(*) FROM community_posts WHERE member_id = \(bind: memberID) AND kind = 'comment'
                     AND state = 'published') AS comments,
                  (SELECT count(*) FROM community_votes v JOIN community_posts p ON p.id = v.post_id
                     WHERE p.member_id = \(bind: memberID) AND p.state = 'published'
                       AND v.member_id <> \(bind: memberID)) AS received,
                  (SELECT count(*) FROM community_votes WHERE member_id = \(bind: memberID)) AS given,
                  (SELECT count(*) FROM community_posts q JOIN community_posts a ON a.id = q.accepted_answer_id
                     WHERE a.member_id = \(bind: memberID) AND q.member_id <> \(bind: memberID)) AS accepted
                """
            ).first()
            guard let row else { return c }
            c.ideas = try row.decode(column: "ideas", as: Int.self)
            c.ideasAdopted = try row.decode(column: "adopted", as: Int.self)
            c.ideasShipped = try row.decode(column: "shipped", as: Int.self)
            c.comments = try row.decode(column: "comments", as: Int.self)
            c.votesReceived = try row.decode(column: "received", as: Int.self)
            c.votesGiven = try row.decode(column: "given", as: Int.self)
            c.acceptedAnswers = try row.decode(column: "accepted", as: Int.self)
            return c
        }
    }

    static func decode(_ row: any SQLRow) throws -> CommunityMember {
        CommunityMember(
            id: try row.decode(column: "id", as: Int64.self),
            customerID: try row.decode(column: "customer_id", as: Int64?.self),
            email: try row.decode(column: "email", as: String?.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            status: CommunityMember.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .blocked,
            trusted: try row.decode(column: "trusted", as: Int.self) != 0,
            createdAt: Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self)),
            lastActiveAt: Date(milliseconds: try row.decode(column: "last_active_ms", as: Int64.self)))
    }
}
