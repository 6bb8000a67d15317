import Foundation
import RapportCommunity
import RapportStore

/// Questions and peer answers: members ask, other members answer, the asker accepts one (points for the
/// answerer), answers are upvoted. Posts are screened for moderation like ideas.
extension CommunityActions {
    public func postQuestion(
        title rawTitle: String, body rawBody: String, board: CommunityPost.Board = .public, by member: CommunityMember,
        now: Date = Date()
    ) async throws -> CommunityPost {
        if board == .superfans { try await requireSuperfan(member) }
        let title = try Self.text(rawTitle, field: "title", max: Self.maxTitle, what: "the title")
        let body = try Self.text(rawBody, field: "body", max: Self.maxBody, what: "the question")
        return try await community.posts.create(
            .init(
                kind: .question, memberID: member.id, title: title, body: body,
                hold: screen(title + "\n" + body, by: member), board: board), at: now)
    }

    /// Answers a published question (404 otherwise).
    public func answer(questionID: Int64, body rawBody: String, by member: CommunityMember, now: Date = Date())
        async throws -> CommunityPost
    {
        let body = try Self.text(rawBody, field: "body", max: Self.maxBody, what: "the answer")
        _ = try await question(questionID, viewer: member)
        do {
            return try await community.posts.create(
                .init(
                    kind: .answer, parentID: questionID, memberID: member.id, title: nil, body: body,
                    hold: screen(body, by: member)), at: now)
        } catch StoreError.notFound {
            throw DeskError.notFound("question", questionID)
        }
    }

    /// The asker accepts an answer; returns the question's id. 404 without a published answer; 403 for anyone but
    /// the asker.
    public func accept(answerID: Int64, by member: CommunityMember, now: Date = Date()) async throws -> Int64 {
        try await requireReadable(answerID, by: member)
        switch try await community.posts.accept(answerID: answerID, by: member.id, at: now) {
        case .accepted(let questionID): return questionID
        case .notAsker: throw DeskError.forbidden("only the member who asked accepts an answer")
        case .noAnswer: throw DeskError.notFound("answer", answerID)
        }
    }

    /// Upvotes a published answer, or takes the vote back.
    public func voteAnswer(answerID: Int64, by member: CommunityMember, now: Date = Date()) async throws
        -> (questionID: Int64, result: CommunityPostStore.VoteResult)
    {
        try await requireReadable(answerID, by: member)
        guard let answer = try await community.posts.post(id: answerID), answer.kind == .answer,
            answer.state == .published, let questionID = answer.parentID,
            let result = try await community.posts.toggleVote(postID: answerID, memberID: member.id, at: now)
        else { throw DeskError.notFound("answer", answerID) }
        return (questionID, result)
    }

    public func questions(limit: Int = 200) async throws -> [QuestionSummary] {
        try await community.posts.questions(board: .public, limit: limit)
    }

    /// The superfans' board: its threads, for superfans only (404 to anyone else: the board does not exist for
    /// them).
    public func superfanThreads(viewer: CommunityMember?, now: Date = Date()) async throws -> [QuestionSummary] {
        try await requireSuperfan(viewer, now: now)
        return try await community.posts.questions(board: .superfans)
    }

    /// Whether the member's rank is the top one now (points, and active lately).
    public func isSuperfan(_ member: CommunityMember?, now: Date = Date()) async throws -> Bool {
        guard let member, member.status == .active else { return false }
        return try await profile(memberID: member.id, now: now).standing.rank == .superfan
    }

    func requireSuperfan(_ member: CommunityMember?, now: Date = Date()) async throws {
        guard try await isSuperfan(member, now: now) else {
            throw DeskError(.notFound, "not_found", "no such page")
        }
    }

    /// 404 for a post on the superfans' board (or an answer there) when `member` is not a superfan.
    func requireReadable(_ postID: Int64, by member: CommunityMember?) async throws {
        guard let post = try await community.posts.post(id: postID) else { throw DeskError.notFound("post", postID) }
        if post.board == .superfans, try await !isSuperfan(member) { throw DeskError.notFound("post", postID) }
    }

    /// A question and its answers as `viewer` may see them (a waiting question only by its asker; else 404).
    public func question(_ id: Int64, viewer: CommunityMember?) async throws -> (QuestionSummary, [CommunityPost]) {
        guard let question = try await community.posts.question(id: id),
            question.post.state == .published
                || (question.post.state == .pending && question.post.memberID == viewer?.id)
        else { throw DeskError.notFound("question", id) }
        if question.post.board == .superfans, try await !isSuperfan(viewer) { throw DeskError.notFound("question", id) }
        return (question, try await community.posts.answers(questionID: id, viewerMemberID: viewer?.id))
    }
}
