import Foundation
import RapportCommunity
import SQLKit

extension CommunityPostStore {
    /// What a vote toggle did.
    public struct VoteResult: Sendable, Hashable {
        /// The member's vote stands after the toggle.
        public var voted: Bool
        public var votes: Int
    }

    /// Gives the member's vote to an idea or an answer, or takes it back when they had voted. One vote per member
    /// and post (the table's primary key): two toggles racing never count twice. Nil when there is no published
    /// idea open to votes, or published answer, with that id.
    public func toggleVote(ideaID: Int64, memberID: Int64, at date: Date = Date()) async throws -> VoteResult? {
        try await toggleVote(postID: ideaID, memberID: memberID, at: date)
    }

    public func toggleVote(postID ideaID: Int64, memberID: Int64, at date: Date = Date()) async throws -> VoteResult? {
        try await database.transaction { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT kind, status FROM community_posts WHERE id = \(bind: ideaID)
                        AND kind IN ('idea', 'answer') AND state = 'published'
                    """
                ).first()
            else { return nil }
            if try row.decode(column: "kind", as: String.self) == CommunityPost.Kind.idea.rawValue {
                guard let status = IdeaStatus(rawValue: try row.decode(column: "status", as: String?.self) ?? ""),
                    status.acceptsVotes
                else { return nil }
            }
            let had =
                try await db.raw(
                    """
                    DELETE FROM community_votes WHERE post_id = \(bind: ideaID) AND member_id = \(bind: memberID)
                    RETURNING member_id
                    """
                ).first() != nil
            if !had {
                try await db.raw(
                    """
                    INSERT INTO community_votes (post_id, member_id, created_ms)
                    VALUES (\(bind: ideaID), \(bind: memberID), \(bind: date.millisecondsSince1970))
                    ON CONFLICT (post_id, member_id) DO NOTHING
                    """
                ).run()
            }
            try await CommunityMemberStore.touch(db, memberID: memberID, at: date)
            let votes = try await db.raw(
                "SELECT count(*) AS n FROM community_votes WHERE post_id = \(bind: ideaID)"
            ).first()?.decode(column: "n", as: Int.self)
            return VoteResult(voted: !had, votes: votes ?? 0)
        }
    }

    /// A voter as the status-change email needs them.
    public struct Voter: Sendable, Hashable {
        public var memberID: Int64
        public var email: String
        public var name: String
    }

    /// A status change a moderator made.
    public struct StatusChange: Sendable {
        public var ideaID: Int64
        public var status: IdeaStatus
        public var response: String
        public var duplicateOf: Int64?

        public init(ideaID: Int64, status: IdeaStatus, response: String, duplicateOf: Int64?) {
            self.ideaID = ideaID
            self.status = status
            self.response = response
            self.duplicateOf = duplicateOf
        }
    }

    /// What changing the status did.
    public struct StatusResult: Sendable, Hashable {
        public var previous: IdeaStatus
        /// Voters told by email (queued in the same transaction).
        public var notified: Int
        /// Votes moved to the original (a duplicate), each member once.
        public var votesMoved: Int
    }

    /// Sets an idea's status and official response, in one transaction with its audit entry (`community.idea.status`)
    /// and one email per voter in the community mail queue (`compose` writes it), so no voter is missed when the
    /// answer is acknowledged. A duplicate's votes move to its original, each member counted once (a member who
    /// voted for both keeps one vote), and the duplicate closes. Nil when there is no published idea `ideaID`;
    /// `StoreError.notFound` when the original is not a published idea.
    public func setStatus(
        _ change: StatusChange, by userID: Int64?, address: String?, at date: Date = Date(),
        compose: @escaping @Sendable (Voter) -> CommunityMailStore.Draft
    ) async throws -> StatusResult? {
        let ms = date.millisecondsSince1970
        return try await database.transaction { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT status FROM community_posts WHERE id = \(bind: change.ideaID) AND kind = 'idea'
                        AND state = 'published'
                    """
                ).first()
            else { return nil }
            let previous = IdeaStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open
            // Voters before any vote moves: those who backed this idea hear about it.
            let voters = try await db.raw(
                """
                SELECT m.id, m.email, m.display_name FROM community_votes v
                JOIN community_members m ON m.id = v.member_id
                WHERE v.post_id = \(bind: change.ideaID) AND m.status <> 'deleted' AND m.email IS NOT NULL
                ORDER BY m.id
                """
            ).all().map {
                Voter(
                    memberID: try $0.decode(column: "id", as: Int64.self),
                    email: try $0.decode(column: "email", as: String.self),
                    name: try $0.decode(column: "display_name", as: String.self))
            }
            var moved = 0
            if change.status == .duplicate, let original = change.duplicateOf {
                guard
                    try await db.raw(
                        """
                        SELECT id FROM community_posts WHERE id = \(bind: original) AND kind = 'idea'
                            AND state = 'published'
                        """
                    ).first() != nil
                else { throw StoreError.notFound("no idea \(original) to be the original") }
                let before = try await Self.voteCount(db, original)
                try await db.raw(
                    """
                    INSERT INTO community_votes (post_id, member_id, created_ms)
                    SELECT \(bind: original), member_id, created_ms FROM community_votes
                    WHERE post_id = \(bind: change.ideaID)
                    ON CONFLICT (post_id, member_id) DO NOTHING
                    """
                ).run()
                moved = try await Self.voteCount(db, original) - before
                try await db.raw("DELETE FROM community_votes WHERE post_id = \(bind: change.ideaID)").run()
            }
            try await db.raw(
                """
                UPDATE community_posts SET status = \(bind: change.status.rawValue), response = \(bind: change.response),
                    duplicate_of = \(bind: change.status == .duplicate ? change.duplicateOf : nil),
                    responded_by = \(bind: userID), responded_ms = \(bind: ms), updated_ms = \(bind: ms)
                WHERE id = \(bind: change.ideaID)
                """
            ).run()
            try await AuditLog.record(
                db, userID: userID, action: "community.idea.status", target: "community_post:\(change.ideaID)",
                detail: "\(previous.rawValue) → \(change.status.rawValue)"
                    + (change.status == .duplicate ? " of \(change.duplicateOf ?? 0)" : ""), address: address)
            // Only a new status is news; a reworded response alone is not mailed again.
            let notified = previous == change.status ? [] : voters
            try await CommunityMailStore.enqueue(db, notified.map(compose), at: date)
            return StatusResult(previous: previous, notified: notified.count, votesMoved: moved)
        }
    }

    static func voteCount(_ db: any SQLDatabase, _ ideaID: Int64) async throws -> Int {
        try await db.raw("SELECT count(*) AS n FROM community_votes WHERE post_id = \(bind: ideaID)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }
}
