import Foundation
import RapportCommunity
import SQLKit

/// Community posts: writing ideas and comments (published at once or held for moderation, as the use case
/// decided), reading them as the public or their author may, and the product team's figures per idea.
public struct CommunityPostStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A checked post to store (the use case validated it and screened it for moderation).
    public struct Draft: Sendable {
        public var kind: CommunityPost.Kind
        public var parentID: Int64?
        public var memberID: Int64
        public var title: String?
        public var body: String
        /// Nil: published now; else it waits for a moderator.
        public var hold: ModerationScreen.HoldReason?
        /// A question's board (an answer takes its question's).
        public var board: CommunityPost.Board = .public

        public init(
            kind: CommunityPost.Kind, parentID: Int64? = nil, memberID: Int64, title: String?, body: String,
            hold: ModerationScreen.HoldReason?, board: CommunityPost.Board = .public
        ) {
            self.board = board
            self.kind = kind
            self.parentID = parentID
            self.memberID = memberID
            self.title = title
            self.body = body
            self.hold = hold
        }
    }

    /// Stores the post; returns it. A comment needs its idea published (else `StoreError.notFound`); a published
    /// post makes its author trusted (their next posts skip the first-post review).
    public func create(_ draft: Draft, at date: Date = Date()) async throws -> CommunityPost {
        let ms = date.millisecondsSince1970
        let id = try await database.transaction { db -> Int64 in
            var board = draft.kind == .question ? draft.board : .public
            if let parent = draft.parentID {
                let parentKind: CommunityPost.Kind = draft.kind == .comment ? .idea : .question
                guard
                    let row = try await db.raw(
                        """
                        SELECT board FROM community_posts WHERE id = \(bind: parent) AND kind = \(bind: parentKind.rawValue)
                            AND state = 'published'
                        """
                    ).first()
                else { throw StoreError.notFound("no \(parentKind.rawValue) \(parent)") }
                board = CommunityPost.Board(rawValue: try row.decode(column: "board", as: String.self)) ?? .superfans
            }
            let state: CommunityPost.State = draft.hold == nil ? .published : .pending
            let row = try await db.raw(
                """
                INSERT INTO community_posts (kind, parent_id, member_id, title, body, state, hold_reason, status,
                    board, created_ms, updated_ms)
                VALUES (\(bind: draft.kind.rawValue), \(bind: draft.parentID), \(bind: draft.memberID),
                    \(bind: draft.title), \(bind: draft.body), \(bind: state.rawValue), \(bind: draft.hold?.rawValue),
                    \(bind: draft.kind == .idea ? IdeaStatus.open.rawValue : nil), \(bind: board.rawValue), \(bind: ms),
                    \(bind: ms))
                RETURNING id
                """
            ).first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else {
                throw StoreError.notFound("inserted post")
            }
            if state == .published {
                try await db.raw("UPDATE community_members SET trusted = 1 WHERE id = \(bind: draft.memberID)").run()
            }
            try await CommunityMemberStore.touch(db, memberID: draft.memberID, at: date)
            return id
        }
        guard let post = try await post(id: id) else { throw StoreError.notFound("inserted post") }
        return post
    }

    /// Any post, whatever its state (the use case decides who may see it).
    public func post(id: Int64) async throws -> CommunityPost? {
        try await database.read { db in
            try await db.raw((Self.select + SQLFragment(" WHERE p.id = ?", [id])).expression).first().map(Self.decode)
        }
    }

    /// Published comments on an idea, oldest first, plus the viewer's own that wait for a moderator.
    public func comments(ideaID: Int64, viewerMemberID: Int64?, limit: Int = 500) async throws -> [CommunityPost] {
        try await database.read { db in
            try await db.raw(
                (Self.select
                    + SQLFragment(
                        """
                         WHERE p.parent_id = ? AND p.kind = 'comment'
                            AND (p.state = 'published' OR (p.state = 'pending' AND p.member_id = ?))
                         ORDER BY p.created_ms, p.id LIMIT ?
                        """, [ideaID, viewerMemberID ?? -1, Int64(limit)])).expression
            ).all().map(Self.decode)
        }
    }

    /// Every published idea with its votes, revenue, paying customers and comments, and whether `viewer` voted
    /// (unsorted: ``IdeaRanking`` orders them).
    public func ideas(viewerMemberID: Int64?) async throws -> [IdeaSummary] {
        try await database.read { db in
            try await db.raw(
                (Self.summarySelect(viewer: viewerMemberID)
                    + SQLFragment(" WHERE p.kind = 'idea' AND p.state = 'published' AND p.board = 'public'")).expression
            ).all().map(Self.decodeSummary)
        }
    }

    /// One idea's figures (any state).
    public func ideaSummary(id: Int64, viewerMemberID: Int64?) async throws -> IdeaSummary? {
        try await database.read { db in
            try await db.raw(
                (Self.summarySelect(viewer: viewerMemberID)
                    + SQLFragment(" WHERE p.id = ? AND p.kind = 'idea'", [id])).expression
            ).first().map(Self.decodeSummary)
        }
    }

    /// A member's published posts, newest first (their profile).
    public func posts(memberID: Int64, limit: Int = 50) async throws -> [CommunityPost] {
        try await database.read { db in
            try await db.raw(
                (Self.select
                    + SQLFragment(
                        " WHERE p.member_id = ? AND p.state = 'published' AND p.board = 'public' ORDER BY p.created_ms DESC, p.id DESC LIMIT ?",
                        [memberID, Int64(limit)])).expression
            ).all().map(Self.decode)
        }
    }

    // MARK: Reading rows

    static let select = SQLFragment(
        """
        SELECT p.*, m.display_name AS author_name, m.status AS author_status,
            (SELECT count(*) FROM community_votes v WHERE v.post_id = p.id) AS votes
        FROM community_posts p JOIN community_members m ON m.id = p.member_id
        """)

    static func summarySelect(viewer: Int64?) -> SQLFragment {
        SQLFragment(
            """
            SELECT p.*, m.display_name AS author_name, m.status AS author_status,
                (SELECT count(*) FROM community_votes v WHERE v.post_id = p.id) AS votes,
                (SELECT CAST(COALESCE(sum(o.amount), 0) AS DOUBLE PRECISION) FROM orders o
                    WHERE o.customer_id IN (SELECT vm.customer_id FROM community_votes vv
                        JOIN community_members vm ON vm.id = vv.member_id WHERE vv.post_id = p.id)) AS revenue,
                (SELECT count(DISTINCT cm.customer_id) FROM community_votes cv
                    JOIN community_members cm ON cm.id = cv.member_id
                    WHERE cv.post_id = p.id AND EXISTS (SELECT 1 FROM orders co WHERE co.customer_id = cm.customer_id)
                ) AS customers,
                (SELECT count(*) FROM community_posts c WHERE c.parent_id = p.id AND c.kind = 'comment'
                    AND c.state = 'published') AS comments,
                (SELECT count(*) FROM community_votes mv WHERE mv.post_id = p.id AND mv.member_id = ?) AS viewer_votes
            FROM community_posts p JOIN community_members m ON m.id = p.member_id
            """, [viewer ?? -1])
    }

    static func decode(_ row: any SQLRow) throws -> CommunityPost {
        let authorStatus = try row.decode(column: "author_status", as: String.self)
        return CommunityPost(
            id: try row.decode(column: "id", as: Int64.self),
            kind: CommunityPost.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .comment,
            parentID: try row.decode(column: "parent_id", as: Int64?.self),
            memberID: try row.decode(column: "member_id", as: Int64.self),
            authorName: authorStatus == CommunityMember.Status.deleted.rawValue
                ? "Former member" : try row.decode(column: "author_name", as: String.self),
            title: try row.decode(column: "title", as: String?.self),
            body: try row.decode(column: "body", as: String.self),
            state: CommunityPost.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .pending,
            holdReason: try row.decode(column: "hold_reason", as: String?.self).flatMap(
                ModerationScreen.HoldReason.init(rawValue:)),
            rejectionReason: try row.decode(column: "rejection_reason", as: String?.self),
            status: try row.decode(column: "status", as: String?.self).flatMap(IdeaStatus.init(rawValue:)),
            response: try row.decode(column: "response", as: String?.self),
            respondedAt: try row.decode(column: "responded_ms", as: Int64?.self).map(Date.init(milliseconds:)),
            duplicateOf: try row.decode(column: "duplicate_of", as: Int64?.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self)),
            board: CommunityPost.Board(rawValue: try row.decode(column: "board", as: String.self)) ?? .superfans,
            votes: try row.decode(column: "votes", as: Int.self))
    }

    static func decodeSummary(_ row: any SQLRow) throws -> IdeaSummary {
        IdeaSummary(
            post: try decode(row), revenue: try row.decode(column: "revenue", as: Double.self),
            customers: try row.decode(column: "customers", as: Int.self),
            comments: try row.decode(column: "comments", as: Int.self),
            votedByViewer: try row.decode(column: "viewer_votes", as: Int.self) > 0)
    }
}
