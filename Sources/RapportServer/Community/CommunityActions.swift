import Foundation
import RapportAnalysis
import RapportCommunity
import RapportCore
import RapportStore

/// The community's use cases: every change a member or a moderator makes is one function here taking the actor
/// and typed input. Like ``DeskActions`` it checks the role (moderators are desk supervisors and admins),
/// validates before anything is stored, writes through a store (one transaction with its audit entry and mail),
/// and throws domain errors only (`DeskError`, `StoreError`), mapped once by `DomainErrorMapping`. The pages and
/// the JSON API are thin adapters over it.
public struct CommunityActions: Sendable {
    let community: CommunityServices

    /// Longest title, body, comment, response and reason kept (characters).
    static let maxTitle = 200
    static let maxBody = 10_000
    static let maxComment = 5_000
    static let maxResponse = 5_000
    static let maxReason = 500
    static let maxName = 80
    /// How long a sign-in link works, and a community session lasts.
    static let linkLifetime: TimeInterval = 30 * 60
    static let sessionLifetime: TimeInterval = 30 * 86_400

    /// Text a person typed: trimmed, not empty, at most `max` characters, no control characters but line breaks
    /// and tabs (PostgreSQL refuses NUL; the rest only hides text); titles and names on one line.
    static func text(_ raw: String, field: String, max: Int, what: String) throws -> String {
        guard raw.utf8.count <= max * 4 else {
            throw DeskError(.tooLarge, "\(field)_too_long", "keep \(what) under \(max) characters", field: field)
        }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw DeskError.invalid("empty_\(field)", field: field, "\(what) is empty") }
        guard text.count <= max else {
            throw DeskError(.tooLarge, "\(field)_too_long", "keep \(what) under \(max) characters", field: field)
        }
        if text.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t"
        }) {
            throw DeskError.invalid("invalid_\(field)", field: field, "\(what) holds control characters")
        }
        // Titles and names are one line (they become email subjects and headings).
        if field == "title" || field == "name", text.contains(where: \.isNewline) {
            throw DeskError.invalid("invalid_\(field)", field: field, "\(what) must be one line")
        }
        return text
    }

    /// Refuses anyone below supervisor: moderation is for desk supervisors and admins.
    static func requireModerator(_ user: User) throws {
        try DeskActions.require(.supervisor, user)
    }

    // MARK: Members

    /// A new or existing member and a one-time sign-in link for them.
    public struct Invitation: Sendable {
        public var member: CommunityMember
        public var created: Bool
        /// `…/community/signin/{token}`: works once, for ``CommunityActions/linkLifetime``.
        public var link: String
    }

    /// Makes `email` a member (linked to the customer with that email, or a new customer) and a sign-in link.
    /// For operators (`rapport community invite`) and the sign-in form. Audited as `community.member.invite` when
    /// it created the member.
    public func invite(email rawEmail: String, name rawName: String?, address: String?, now: Date = Date())
        async throws -> Invitation
    {
        let email = try Self.email(rawEmail)
        let fallback = String(email.prefix { $0 != "@" })
        let name =
            try rawName.flatMap {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? nil : try Self.text($0, field: "name", max: Self.maxName, what: "the name")
            } ?? String(fallback.prefix(Self.maxName))
        let (member, created) = try await community.members.findOrCreate(email: email, displayName: name, at: now)
        guard member.status == .active else {
            throw DeskError.forbidden("this member is blocked from the community")
        }
        if created {
            try await AuditLog(database: community.database).record(
                userID: nil, action: "community.member.invite", target: "community_member:\(member.id)",
                detail: "", address: address)
        }
        let token = APITokens.generate()
        try await community.members.addSignInToken(
            hash: APITokens.hash(token), memberID: member.id, expiresAt: now.addingTimeInterval(Self.linkLifetime),
            at: now)
        return Invitation(
            member: member, created: created, link: "\(community.publicBaseURL)/community/signin/\(token)")
    }

    static func email(_ raw: String) throws -> String {
        guard let email = AccountEmail.normalized(raw), email.contains("@"), !email.hasPrefix("@"),
            !email.hasSuffix("@"), !email.contains(where: \.isWhitespace)
        else {
            throw DeskError.invalid("invalid_email", field: "email", "give an email address")
        }
        return email
    }

    /// What asking for a sign-in link by email did.
    public enum SignInRequest: Sendable, Equatable {
        case sent
        /// Too many links asked for this email or from this address: try again after this many seconds.
        case limited(seconds: Int)
        /// No mail relay is configured.
        case unavailable
        /// The relay refused or could not be reached.
        case failed
    }

    /// Emails a one-time sign-in link (joining first when the address is new), limited per email and per client
    /// address. A blocked member gets the same answer as anyone (nothing is sent): the form does not tell who
    /// is a member.
    public func requestSignInLink(email rawEmail: String, name: String?, address: String?, now: Date = Date())
        async throws -> SignInRequest
    {
        let email = try Self.email(rawEmail)
        guard let mail = community.mail else { return .unavailable }
        for key in ["community:address:" + (address ?? "unknown"), "community:email:" + email] {
            if let wait = try await community.limiter.admit(
                key, perAddress: key.hasPrefix("community:address:"), now: now)
            {
                return .limited(seconds: wait)
            }
        }
        if let existing = try await community.members.member(email: email), existing.status != .active {
            return .sent
        }
        let invitation = try await invite(email: email, name: name, address: address, now: now)
        let text = """
            Hello \(invitation.member.displayName),

            Open this link to sign in to the community (it works once, for the next 30 minutes):

            \(invitation.link)

            If you did not ask for it, ignore this email: nobody can sign in without the link.
            """
        let failure = await mail.send(
            email, "Your sign-in link", text, "community-signin-\(invitation.member.id)-\(now.millisecondsSince1970)")
        return failure == nil ? .sent : .failed
    }

    /// A signed-in member's new session.
    public struct SignedIn: Sendable {
        public var member: CommunityMember
        /// The cookie's value (only its hash is stored).
        public var sessionToken: String
    }

    /// Spends a sign-in link: the member's new session, or `DeskError` not found when the link is unknown, used
    /// or expired.
    public func signIn(token: String, address: String?, now: Date = Date()) async throws -> SignedIn {
        guard token.utf8.count <= 200 else {
            throw DeskError(.notFound, "invalid_link", "this sign-in link does not work")
        }
        let session = APITokens.generate()
        guard
            let member = try await community.members.redeem(
                tokenHash: APITokens.hash(token), sessionHash: APITokens.hash(session), csrf: APITokens.generate(),
                sessionExpiresAt: now.addingTimeInterval(Self.sessionLifetime), at: now)
        else {
            throw DeskError(
                .notFound, "invalid_link", "this sign-in link was used already or has expired: ask for a new one")
        }
        try await AuditLog(database: community.database).record(
            userID: nil, action: "community.member.sign_in", target: "community_member:\(member.id)", address: address)
        return SignedIn(member: member, sessionToken: session)
    }

    public func signOut(sessionToken: String) async throws {
        try await community.members.endSession(tokenHash: APITokens.hash(sessionToken))
    }

    /// A member's public profile.
    public struct Profile: Sendable {
        public var member: CommunityMember
        public var standing: MemberStanding
        public var posts: [CommunityPost]
    }

    /// Anyone may read an active or blocked member's profile; a deleted account has none (404).
    public func profile(memberID: Int64, now: Date = Date()) async throws -> Profile {
        guard let member = try await community.members.member(id: memberID), member.status != .deleted else {
            throw DeskError.notFound("member", memberID)
        }
        let c = try await community.members.contributions(memberID: memberID)
        let standing = MemberStanding(
            .init(
                ideas: c.ideas, votesReceived: c.votesReceived, ideasAdopted: c.ideasAdopted,
                ideasShipped: c.ideasShipped, comments: c.comments, votesGiven: c.votesGiven,
                acceptedAnswers: c.acceptedAnswers, lastActive: member.lastActiveAt, joined: member.createdAt),
            now: now)
        return Profile(
            member: member, standing: standing, posts: try await community.posts.posts(memberID: memberID))
    }

    /// The member deletes their own account: name and email gone, votes withdrawn, posts kept as "Former member".
    public func deleteAccount(_ member: CommunityMember, address: String?) async throws {
        try await community.members.deleteAccount(memberID: member.id, address: address)
    }
}
