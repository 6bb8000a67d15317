import Foundation
import RapportStore

/// The moderation queue: what waits (new members' first posts, links, spam or abuse), approve, reject with a
/// reason, block the member. Supervisors and admins; every decision audited by the store.
extension CommunityActions {
    public func moderationQueue(by user: User) async throws -> [ModerationItem] {
        try Self.requireModerator(user)
        return try await community.posts.moderationQueue()
    }

    /// Publishes a pending post.
    public func approve(postID: Int64, by user: User, address: String?) async throws -> CommunityPost {
        try Self.requireModerator(user)
        do {
            guard let post = try await community.posts.decide(postID: postID, .approve, by: user.id, address: address)
            else { throw DeskError.notFound("post", postID) }
            return post
        } catch StoreError.conflict(let message) {
            throw DeskError.conflict("already_moderated", message)
        }
    }

    /// Rejects a pending post with a reason (kept with the post and in the audit log). It never appears.
    public func reject(postID: Int64, reason rawReason: String, by user: User, address: String?) async throws
        -> CommunityPost
    {
        try Self.requireModerator(user)
        let reason = try Self.text(rawReason, field: "reason", max: Self.maxReason, what: "the reason")
        do {
            guard
                let post = try await community.posts.decide(
                    postID: postID, .reject(reason: reason), by: user.id, address: address)
            else { throw DeskError.notFound("post", postID) }
            return post
        } catch StoreError.conflict(let message) {
            throw DeskError.conflict("already_moderated", message)
        }
    }

    /// Blocks a member: signed out, no more sign-in links, their pending posts rejected.
    public func block(memberID: Int64, reason rawReason: String?, by user: User, address: String?) async throws {
        try Self.requireModerator(user)
        let reason =
            try rawReason.flatMap {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? nil : try Self.text($0, field: "reason", max: Self.maxReason, what: "the reason")
            } ?? "blocked by a moderator"
        guard try await community.posts.block(memberID: memberID, reason: reason, by: user.id, address: address)
        else { throw DeskError.notFound("member", memberID) }
    }
}

extension CommunityActions {
    /// A member reports a published post (once each; not their own): it joins the moderation queue, and after
    /// three members it is hidden until a moderator decides. Returns the post, to lead back to it.
    public func report(postID: Int64, reason rawReason: String?, by member: CommunityMember, now: Date = Date())
        async throws -> CommunityPost
    {
        let reason =
            try rawReason.flatMap {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? nil : try Self.text($0, field: "reason", max: Self.maxReason, what: "the reason")
            } ?? "no reason given"
        try await requireReadable(postID, by: member)
        switch try await community.posts.report(postID: postID, memberID: member.id, reason: reason, at: now) {
        case .notFound: throw DeskError.notFound("post", postID)
        case .ownPost: throw DeskError.conflict("own_post", "you cannot report your own post")
        case .reported:
            guard let post = try await community.posts.post(id: postID) else {
                throw DeskError.notFound("post", postID)
            }
            return post
        }
    }
}

extension CommunityActions {
    /// A moderator corrects a waiting post before deciding (supervisors and admins; audited with the old text).
    public func edit(postID: Int64, title rawTitle: String?, body rawBody: String, by user: User, address: String?)
        async throws -> CommunityPost
    {
        try Self.requireModerator(user)
        let title = try rawTitle.map { try Self.text($0, field: "title", max: Self.maxTitle, what: "the title") }
        let body = try Self.text(rawBody, field: "body", max: Self.maxBody, what: "the text")
        do {
            guard
                let post = try await community.posts.edit(
                    postID: postID, title: title, body: body, by: user.id, address: address)
            else { throw DeskError.notFound("post", postID) }
            return post
        } catch StoreError.conflict(let message) {
            throw DeskError.conflict("not_waiting", message)
        }
    }
}
