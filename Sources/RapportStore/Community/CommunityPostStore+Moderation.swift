import Foundation
import SQLKit

extension CommunityPostStore {
    /// The moderation queue: pending posts, oldest first.
    public func moderationQueue(limit: Int = 200) async throws -> [ModerationItem] {
        try await database.read { db in
            try await db.raw(
                SQLQueryString(
                    """
                    SELECT p.*, m.display_name AS author_name, m.status AS author_status, m.email AS author_email,
                        (SELECT count(*) FROM community_votes v WHERE v.post_id = p.id) AS votes,
                        parent.title AS parent_title,
                        (SELECT count(*) FROM community_reports r WHERE r.post_id = p.id) AS reports
                    FROM community_posts p JOIN community_members m ON m.id = p.member_id
                    LEFT JOIN community_posts parent ON parent.id = p.parent_id
                    WHERE p.state = 'pending' OR (p.state = 'published' AND p.hold_reason = 'reported')
                    ORDER BY p.created_ms, p.id LIMIT \(bind: Int64(limit))
                    """)
            ).all().map { row in
                ModerationItem(
                    post: try Self.decode(row), memberName: try row.decode(column: "author_name", as: String.self),
                    memberEmail: try row.decode(column: "author_email", as: String?.self),
                    parentTitle: try row.decode(column: "parent_title", as: String?.self),
                    reports: try row.decode(column: "reports", as: Int.self))
            }
        }
    }

    /// A moderator's decision on a pending post.
    public enum Decision: Sendable, Hashable {
        case approve
        case reject(reason: String)
    }

    /// Publishes or rejects a pending post, audited (`community.post.approve` / `.reject`). Approving makes its
    /// author trusted. Nil when there is no such post; `StoreError.conflict` when it was already decided.
    public func decide(
        postID: Int64, _ decision: Decision, by userID: Int64?, address: String?, at date: Date = Date()
    ) async throws -> CommunityPost? {
        let ms = date.millisecondsSince1970
        let found = try await database.transaction { db -> Bool in
            guard
                let row = try await db.raw(
                    "SELECT state, hold_reason, member_id FROM community_posts WHERE id = \(bind: postID)"
                ).first()
            else { return false }
            // Waiting, or published and reported: both are the moderator's to decide.
            let state = try row.decode(column: "state", as: String.self)
            let reported = try row.decode(column: "hold_reason", as: String?.self) == "reported"
            guard state == CommunityPost.State.pending.rawValue || (state == "published" && reported) else {
                throw StoreError.conflict("post \(postID) was already moderated")
            }
            let memberID = try row.decode(column: "member_id", as: Int64.self)
            switch decision {
            case .approve:
                try await db.raw(
                    """
                    UPDATE community_posts SET state = 'published', updated_ms = \(bind: ms),
                        hold_reason = CASE WHEN hold_reason = 'reported' THEN NULL ELSE hold_reason END
                    WHERE id = \(bind: postID)
                    """
                ).run()
                // The reports were heard: a later report starts afresh.
                try await db.raw("DELETE FROM community_reports WHERE post_id = \(bind: postID)").run()
                try await db.raw("UPDATE community_members SET trusted = 1 WHERE id = \(bind: memberID)").run()
                try await AuditLog.record(
                    db, userID: userID, action: "community.post.approve", target: "community_post:\(postID)",
                    detail: "", address: address)
            case .reject(let reason):
                try await db.raw(
                    """
                    UPDATE community_posts SET state = 'rejected', rejection_reason = \(bind: reason),
                        updated_ms = \(bind: ms)
                    WHERE id = \(bind: postID)
                    """
                ).run()
                try await AuditLog.record(
                    db, userID: userID, action: "community.post.reject", target: "community_post:\(postID)",
                    detail: reason, address: address)
            }
            return true
        }
        return found ? try await post(id: postID) : nil
    }

    /// Blocks a member: they can no longer sign in or post, their sessions and links end, and their pending posts
    /// are rejected ("member blocked"). Audited (`community.member.block`). False when there is no such member.
    public func block(memberID: Int64, reason: String, by userID: Int64?, address: String?, at date: Date = Date())
        async throws -> Bool
    {
        let ms = date.millisecondsSince1970
        return try await database.transaction { db in
            guard
                try await db.raw(
                    "SELECT id FROM community_members WHERE id = \(bind: memberID) AND status <> 'deleted'"
                ).first() != nil
            else { return false }
            try await db.raw(
                """
                UPDATE community_members SET status = 'blocked', blocked_ms = \(bind: ms) WHERE id = \(bind: memberID)
                """
            ).run()
            try await db.raw("DELETE FROM community_sessions WHERE member_id = \(bind: memberID)").run()
            try await db.raw("DELETE FROM community_signin_tokens WHERE member_id = \(bind: memberID)").run()
            try await db.raw(
                """
                UPDATE community_posts SET state = 'rejected', rejection_reason = 'member blocked',
                    updated_ms = \(bind: ms)
                WHERE member_id = \(bind: memberID) AND state = 'pending'
                """
            ).run()
            try await AuditLog.record(
                db, userID: userID, action: "community.member.block", target: "community_member:\(memberID)",
                detail: reason, address: address)
            return true
        }
    }

    /// Members who report a published post before it is hidden for a moderator.
    public static let reportsToHide = 3

    /// What reporting did.
    public enum ReportResult: Sendable, Hashable {
        /// Recorded (once per member); `hidden` once ``reportsToHide`` members reported it.
        case reported(count: Int, hidden: Bool)
        /// A member cannot report their own post.
        case ownPost
        case notFound
    }

    /// A member reports a published post: it joins the moderation queue (reason `reported`) and, after
    /// ``reportsToHide`` different members, waits hidden for the moderator's decision. One report per member.
    public func report(postID: Int64, memberID: Int64, reason: String, at date: Date = Date()) async throws
        -> ReportResult
    {
        let ms = date.millisecondsSince1970
        return try await database.transaction { db in
            guard
                let row = try await db.raw(
                    "SELECT member_id FROM community_posts WHERE id = \(bind: postID) AND state = 'published'"
                ).first()
            else { return .notFound }
            guard try row.decode(column: "member_id", as: Int64.self) != memberID else { return .ownPost }
            try await db.raw(
                """
                INSERT INTO community_reports (post_id, member_id, reason, created_ms)
                VALUES (\(bind: postID), \(bind: memberID), \(bind: reason), \(bind: ms))
                ON CONFLICT (post_id, member_id) DO NOTHING
                """
            ).run()
            let count =
                try await db.raw("SELECT count(*) AS n FROM community_reports WHERE post_id = \(bind: postID)")
                .first()?.decode(column: "n", as: Int.self) ?? 0
            let hide = count >= Self.reportsToHide
            try await db.raw(
                """
                UPDATE community_posts SET hold_reason = 'reported', updated_ms = \(bind: ms),
                    state = \(bind: hide ? CommunityPost.State.pending.rawValue : CommunityPost.State.published.rawValue)
                WHERE id = \(bind: postID)
                """
            ).run()
            return .reported(count: count, hidden: hide)
        }
    }

    /// A moderator corrects a post waiting in the queue (or reported) before deciding: new title (posts that have
    /// one) and body. Audited (`community.post.edit`, with the previous text). Nil when there is no such post;
    /// `StoreError.conflict` when it is not waiting.
    public func edit(
        postID: Int64, title: String?, body: String, by userID: Int64?, address: String?, at date: Date = Date()
    ) async throws -> CommunityPost? {
        let found = try await database.transaction { db -> Bool in
            guard
                let row = try await db.raw(
                    "SELECT state, hold_reason, title, body FROM community_posts WHERE id = \(bind: postID)"
                ).first()
            else { return false }
            let state = try row.decode(column: "state", as: String.self)
            let reported = try row.decode(column: "hold_reason", as: String?.self) == "reported"
            guard state == CommunityPost.State.pending.rawValue || (state == "published" && reported) else {
                throw StoreError.conflict("post \(postID) is not waiting for a moderator")
            }
            let oldTitle = try row.decode(column: "title", as: String?.self)
            let oldBody = try row.decode(column: "body", as: String.self)
            try await db.raw(
                """
                UPDATE community_posts SET title = CASE WHEN title IS NULL THEN NULL ELSE \(bind: title ?? oldTitle) END,
                    body = \(bind: body), updated_ms = \(bind: date.millisecondsSince1970)
                WHERE id = \(bind: postID)
                """
            ).run()
            try await AuditLog.record(
                db, userID: userID, action: "community.post.edit", target: "community_post:\(postID)",
                detail: String("was: \(oldTitle.map { $0 + " — " } ?? "")\(oldBody)".prefix(1_000)), address: address)
            return true
        }
        return found ? try await post(id: postID) : nil
    }
}
