import Foundation
import RapportAnalysis
import RapportCommunity
import RapportStore

/// Ideas: posting (screened for moderation), comments, one vote per member, the public list, and the
/// moderators' status with an official response, mailed to every voter.
extension CommunityActions {
    /// Whether `text` by `member` waits for a moderator, and why.
    func screen(_ text: String, by member: CommunityMember) -> ModerationScreen.HoldReason? {
        ModerationScreen.hold(
            .init(
                text: text, authorTrusted: member.trusted,
                analysis: community.analyzer.analyze(AnalysisInput(text: text))))
    }

    /// Posts an idea; published at once unless the screen holds it for a moderator.
    public func postIdea(title rawTitle: String, body rawBody: String, by member: CommunityMember, now: Date = Date())
        async throws -> CommunityPost
    {
        let title = try Self.text(rawTitle, field: "title", max: Self.maxTitle, what: "the title")
        let body = try Self.text(rawBody, field: "body", max: Self.maxBody, what: "the description")
        return try await community.posts.create(
            .init(
                kind: .idea, memberID: member.id, title: title, body: body,
                hold: screen(title + "\n" + body, by: member)),
            at: now)
    }

    /// Comments on a published idea (404 otherwise).
    public func comment(ideaID: Int64, body rawBody: String, by member: CommunityMember, now: Date = Date())
        async throws -> CommunityPost
    {
        let body = try Self.text(rawBody, field: "body", max: Self.maxComment, what: "the comment")
        do {
            return try await community.posts.create(
                .init(
                    kind: .comment, parentID: ideaID, memberID: member.id, title: nil, body: body,
                    hold: screen(body, by: member)), at: now)
        } catch StoreError.notFound {
            throw DeskError.notFound("idea", ideaID)
        }
    }

    /// Gives or takes back the member's vote. 404 when there is no published idea; 409 when it is closed.
    public func vote(ideaID: Int64, by member: CommunityMember, now: Date = Date()) async throws
        -> CommunityPostStore.VoteResult
    {
        if let result = try await community.posts.toggleVote(ideaID: ideaID, memberID: member.id, at: now) {
            return result
        }
        guard let idea = try await community.posts.post(id: ideaID), idea.kind == .idea, idea.state == .published
        else { throw DeskError.notFound("idea", ideaID) }
        throw DeskError.conflict(
            "idea_closed", "this idea is \(idea.status?.label.lowercased() ?? "closed"): it takes no more votes")
    }

    /// The public list, in `sort` order (votes, newest or status).
    public func ideas(sort: IdeaRanking.Sort, viewer: CommunityMember?, limit: Int = 200) async throws
        -> [IdeaSummary]
    {
        let all = try await community.posts.ideas(viewerMemberID: viewer?.id)
        let byID = Dictionary(all.map { ($0.post.id, $0) }, uniquingKeysWith: { a, _ in a })
        return IdeaRanking.sorted(all.map(Self.entry), by: sort).prefix(limit).compactMap { byID[$0.id] }
    }

    static func entry(_ idea: IdeaSummary) -> IdeaRanking.Entry {
        .init(
            id: idea.post.id, status: idea.post.status ?? .open, votes: idea.post.votes, revenue: idea.revenue,
            customers: idea.customers, created: idea.post.createdAt)
    }

    /// The product team's ranking (desk users: it shows revenue): ideas by votes, by the voters' revenue or by
    /// paying customers.
    public func ranking(sort: IdeaRanking.Sort, by user: User, limit: Int = 500) async throws -> [IdeaSummary] {
        try DeskActions.require(.analyst, user)
        return try await ideas(sort: sort, viewer: nil, limit: limit)
    }

    /// An idea and its comments as `viewer` may see them: published ones for everyone; a pending one only for its
    /// author (they see it waits); anything else 404.
    public func idea(_ id: Int64, viewer: CommunityMember?) async throws -> (IdeaSummary, [CommunityPost]) {
        guard let idea = try await community.posts.ideaSummary(id: id, viewerMemberID: viewer?.id),
            idea.post.state == .published || (idea.post.state == .pending && idea.post.memberID == viewer?.id)
        else { throw DeskError.notFound("idea", id) }
        return (idea, try await community.posts.comments(ideaID: id, viewerMemberID: viewer?.id))
    }

    /// A moderator's status change.
    public struct StatusInput: Sendable {
        public var status: String
        public var response: String
        public var duplicateOf: Int64?

        public init(status: String, response: String, duplicateOf: Int64? = nil) {
            self.status = status
            self.response = response
            self.duplicateOf = duplicateOf
        }
    }

    /// Sets an idea's status with an official response (supervisors and admins; audited). A duplicate names its
    /// original and its votes move there, each member once. Every voter is emailed through the community mail
    /// queue, written in the same transaction.
    public func setStatus(
        ideaID: Int64, _ input: StatusInput, by user: User, address: String?, now: Date = Date()
    ) async throws -> CommunityPostStore.StatusResult {
        try Self.requireModerator(user)
        guard let status = IdeaStatus(rawValue: input.status) else {
            throw DeskError.invalid(
                "invalid_status", field: "status",
                "status must be one of \(IdeaStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let response = try Self.text(input.response, field: "response", max: Self.maxResponse, what: "the response")
        var original: CommunityPost?
        if status == .duplicate {
            guard let target = input.duplicateOf else {
                throw DeskError.invalid("invalid_duplicate", field: "duplicateOf", "a duplicate names its original")
            }
            guard target != ideaID, let found = try await community.posts.post(id: target), found.kind == .idea,
                found.state == .published
            else {
                throw DeskError.invalid(
                    "invalid_duplicate", field: "duplicateOf", "duplicateOf must be another published idea")
            }
            original = found
        } else if input.duplicateOf != nil {
            throw DeskError.invalid(
                "invalid_duplicate", field: "duplicateOf", "only a duplicate names an original")
        }
        guard let idea = try await community.posts.post(id: ideaID), idea.kind == .idea, idea.state == .published
        else { throw DeskError.notFound("idea", ideaID) }
        let base = community.publicBaseURL
        let stamp = now.millisecondsSince1970
        let title = idea.title ?? ""
        let originalTitle = original?.title
        let originalID = original?.id
        let result: CommunityPostStore.StatusResult?
        do {
            result = try await community.posts.setStatus(
                .init(ideaID: ideaID, status: status, response: response, duplicateOf: original?.id), by: user.id,
                address: address, at: now
            ) { voter in
                Self.statusMail(
                    voter: voter, ideaID: ideaID, title: title, status: status, response: response,
                    original: originalID.map { ($0, originalTitle ?? "") }, base: base, stamp: stamp)
            }
        } catch StoreError.notFound {
            throw DeskError.invalid(
                "invalid_duplicate", field: "duplicateOf", "duplicateOf must be another published idea")
        }
        guard let result else { throw DeskError.notFound("idea", ideaID) }
        if result.notified > 0 { community.mailWorker.wake() }
        return result
    }

    /// The email a voter gets when an idea they backed changes status (plain text: user text stays text).
    static func statusMail(
        voter: CommunityPostStore.Voter, ideaID: Int64, title: String, status: IdeaStatus, response: String,
        original: (id: Int64, title: String)?, base: String, stamp: Int64
    ) -> CommunityMailStore.Draft {
        var text = """
            Hello \(voter.name),

            An idea you voted for has a new status: \(status.label).

              \(title)

            The team's response:

            \(response)

            """
        if let original {
            text +=
                "\nIt duplicates “\(original.title)”; your vote now counts there:\n\(base)/community/ideas/\(original.id)\n"
        } else {
            text += "\n\(base)/community/ideas/\(ideaID)\n"
        }
        text += "\nYou get this email because you voted for this idea in the community.\n"
        return .init(
            to: voter.email, subject: "\(status.label): \(title)", body: text,
            key: "community-idea-\(ideaID)-\(status.rawValue)-\(stamp)-member-\(voter.memberID)")
    }
}
