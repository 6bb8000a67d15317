import Foundation
import SQLKit

/// A question in a list: its answers and whether the asker accepted one.
public struct QuestionSummary: Sendable, Hashable {
    public var post: CommunityPost
    public var answers: Int
    public var acceptedAnswerID: Int64?
}

extension CommunityPostStore {
    /// Published questions of a board, newest first (at most `limit`).
    public func questions(board: CommunityPost.Board = .public, limit: Int = 200) async throws -> [QuestionSummary] {
        try await database.read { db in
            try await db.raw(
                (Self.questionSelect
                    + SQLFragment(
                        " WHERE p.kind = 'question' AND p.state = 'published' AND p.board = ?"
                            + " ORDER BY p.created_ms DESC, p.id DESC LIMIT ?", [board.rawValue, Int64(limit)]))
                    .expression
            ).all().map(Self.decodeQuestion)
        }
    }

    /// One question (any state).
    public func question(id: Int64) async throws -> QuestionSummary? {
        try await database.read { db in
            try await db.raw(
                (Self.questionSelect + SQLFragment(" WHERE p.id = ? AND p.kind = 'question'", [id])).expression
            ).first().map(Self.decodeQuestion)
        }
    }

    /// A question's published answers, plus the viewer's own waiting ones: the accepted answer first, then by
    /// votes, then oldest.
    public func answers(questionID: Int64, viewerMemberID: Int64?) async throws -> [CommunityPost] {
        try await database.read { db in
            try await db.raw(
                (Self.select
                    + SQLFragment(
                        """
                         WHERE p.parent_id = ? AND p.kind = 'answer'
                            AND (p.state = 'published' OR (p.state = 'pending' AND p.member_id = ?))
                         ORDER BY CASE WHEN p.id = (SELECT q.accepted_answer_id FROM community_posts q WHERE q.id = ?)
                            THEN 0 ELSE 1 END, votes DESC, p.created_ms, p.id LIMIT 500
                        """, [questionID, viewerMemberID ?? -1, questionID])).expression
            ).all().map(Self.decode)
        }
    }

    /// What accepting an answer did.
    public enum Acceptance: Sendable, Hashable {
        case accepted(questionID: Int64)
        /// Only the asker accepts.
        case notAsker
        case noAnswer
    }

    /// The asker accepts a published answer to their question (another accepted before is replaced: the points
    /// move with it).
    public func accept(answerID: Int64, by memberID: Int64, at date: Date = Date()) async throws -> Acceptance {
        try await database.transaction { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT a.parent_id, q.member_id AS asker FROM community_posts a
                    JOIN community_posts q ON q.id = a.parent_id
                    WHERE a.id = \(bind: answerID) AND a.kind = 'answer' AND a.state = 'published'
                        AND q.state = 'published'
                    """
                ).first()
            else { return .noAnswer }
            let questionID = try row.decode(column: "parent_id", as: Int64.self)
            guard try row.decode(column: "asker", as: Int64.self) == memberID else { return .notAsker }
            try await db.raw(
                """
                UPDATE community_posts SET accepted_answer_id = \(bind: answerID),
                    updated_ms = \(bind: date.millisecondsSince1970)
                WHERE id = \(bind: questionID)
                """
            ).run()
            try await CommunityMemberStore.touch(db, memberID: memberID, at: date)
            return .accepted(questionID: questionID)
        }
    }

    static let questionSelect = SQLFragment(
        """
        SELECT p.*, m.display_name AS author_name, m.status AS author_status,
            (SELECT count(*) FROM community_votes v WHERE v.post_id = p.id) AS votes,
            (SELECT count(*) FROM community_posts a WHERE a.parent_id = p.id AND a.kind = 'answer'
                AND a.state = 'published') AS answers
        FROM community_posts p JOIN community_members m ON m.id = p.member_id
        """)

    static func decodeQuestion(_ row: any SQLRow) throws -> QuestionSummary {
        QuestionSummary(
            post: try decode(row), answers: try row.decode(column: "answers", as: Int.self),
            acceptedAnswerID: try row.decode(column: "accepted_answer_id", as: Int64?.self))
    }
}
