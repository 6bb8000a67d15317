import Foundation
import RapportCommunity
import RapportStore

/// What the community layout (`community_head` / `community_foot`) shows: title, the signed-in member (or a
/// sign-in link) and the form token. Templates render it as `{{#chrome}}{{> community_head}}{{/chrome}}`.
struct CommunityChrome: Sendable, Equatable {
    struct Member: Sendable, Equatable {
        var id: Int64
        var name: String
        var initials: String
    }

    var title: String
    var csrf: String
    var member: Member?
    var flash: String?

    init(_ title: String, member: CommunityMember?, csrf: String?, flash: String? = nil) {
        self.title = title
        self.csrf = csrf ?? ""
        self.member = member.map {
            Member(id: $0.id, name: $0.displayName, initials: MemberStanding.initials($0.displayName))
        }
        self.flash = flash
    }

    init(_ title: String, _ context: AppRequestContext, flash: String? = nil) {
        self.init(title, member: context.communityMember, csrf: context.communityCSRF, flash: flash)
    }
}

/// The author line of a post: a link to the profile, or "Former member" without one.
struct CommunityAuthor: Sendable, Equatable {
    var name: String
    var initials: String
    var href: String?

    init(_ post: CommunityPost) {
        let former = post.authorName == "Former member"
        name = post.authorName
        initials = former ? "–" : MemberStanding.initials(post.authorName)
        href = former ? nil : "/community/members/\(post.memberID)"
    }
}

/// `/community/ideas`: published ideas in the chosen order, with votes, status and comments.
struct CommunityIdeasPage: Sendable, Equatable {
    struct SortLink: Sendable, Equatable {
        var label: String
        var href: String
        var current: Bool
    }

    struct Row: Sendable, Equatable {
        var id: Int64
        var title: String
        var excerpt: String
        var votes: Int
        var statusLabel: String
        var status: String
        var author: CommunityAuthor
        var comments: Int
        var createdText: String
        var voted: Bool
    }

    var chrome: CommunityChrome
    var sorts: [SortLink]
    var rows: [Row]
    var hasRows: Bool
    var signedIn: Bool

    static let publicSorts: [(IdeaRanking.Sort, String)] = [(.votes, "Top"), (.newest, "Newest"), (.status, "Status")]

    static func make(chrome: CommunityChrome, ideas: [IdeaSummary], sort: IdeaRanking.Sort, now: Date)
        -> CommunityIdeasPage
    {
        let rows = ideas.map { idea in
            let post = idea.post
            return Row(
                id: post.id, title: post.title ?? "", excerpt: excerpt(post.body), votes: post.votes,
                statusLabel: (post.status ?? .open).label, status: (post.status ?? .open).rawValue,
                author: CommunityAuthor(post), comments: idea.comments,
                createdText: ViewFormat.relative(post.createdAt, now: now), voted: idea.votedByViewer)
        }
        return CommunityIdeasPage(
            chrome: chrome,
            sorts: publicSorts.map {
                SortLink(label: $0.1, href: "/community/ideas?sort=\($0.0.rawValue)", current: $0.0 == sort)
            }, rows: rows, hasRows: !rows.isEmpty, signedIn: chrome.member != nil)
    }

    /// The first 240 characters on one line.
    static func excerpt(_ body: String) -> String {
        let line = body.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 240 ? String(line.prefix(239)) + "…" : line
    }
}

/// `/community/ideas/{id}`: the idea, its status and official response, the vote button and the comments.
struct CommunityIdeaPage: Sendable, Equatable {
    struct Comment: Sendable, Equatable {
        var id: Int64
        var body: String
        var author: CommunityAuthor
        var createdText: String
        var isPending: Bool
    }

    var chrome: CommunityChrome
    var id: Int64
    var title: String
    var body: String
    var status: String
    var statusLabel: String
    var response: String?
    var duplicateHref: String?
    var author: CommunityAuthor
    var createdText: String
    var votes: Int
    var voted: Bool
    var canVote: Bool
    var isPending: Bool
    var comments: [Comment]
    var hasComments: Bool
    var signedIn: Bool

    static func make(chrome: CommunityChrome, idea: IdeaSummary, comments: [CommunityPost], now: Date)
        -> CommunityIdeaPage
    {
        let post = idea.post
        let status = post.status ?? .open
        return CommunityIdeaPage(
            chrome: chrome, id: post.id, title: post.title ?? "", body: post.body, status: status.rawValue,
            statusLabel: status.label, response: post.response,
            duplicateHref: post.duplicateOf.map { "/community/ideas/\($0)" }, author: CommunityAuthor(post),
            createdText: ViewFormat.relative(post.createdAt, now: now), votes: post.votes, voted: idea.votedByViewer,
            canVote: chrome.member != nil && status.acceptsVotes && post.state == .published,
            isPending: post.state == .pending,
            comments: comments.map {
                Comment(
                    id: $0.id, body: $0.body, author: CommunityAuthor($0),
                    createdText: ViewFormat.relative($0.createdAt, now: now), isPending: $0.state == .pending)
            }, hasComments: !comments.isEmpty, signedIn: chrome.member != nil)
    }
}

/// `/community/ideas/new`: the form (shown again with the problem when a post is refused).
struct CommunityNewIdeaPage: Sendable, Equatable {
    var chrome: CommunityChrome
    var title: String
    var body: String
    var error: String?
}

/// `/community/signin`: ask for a link by email, or what happened to the request.
struct CommunitySignInPage: Sendable, Equatable {
    var chrome: CommunityChrome
    /// The double-submit token (also a cookie): a visitor has no session to hold one.
    var formToken: String
    var email: String
    var error: String?
    var sent: Bool
}

/// `/community/members/{id}`: points, rank, badges and recent posts; the member's own page offers deletion.
struct CommunityMemberPage: Sendable, Equatable {
    struct Badge: Sendable, Equatable {
        var name: String
        var description: String
    }

    struct Post: Sendable, Equatable {
        var href: String
        var title: String
        var kind: String
        var createdText: String
    }

    var chrome: CommunityChrome
    var id: Int64
    var name: String
    var initials: String
    var points: Int
    var rank: String
    var isBlocked: Bool
    var badges: [Badge]
    var hasBadges: Bool
    var posts: [Post]
    var hasPosts: Bool
    var joinedText: String
    var isSelf: Bool
    /// The member's own page, and their rank opens the superfans' board.
    var opensSuperfans: Bool

    static func make(chrome: CommunityChrome, profile: CommunityActions.Profile, now: Date) -> CommunityMemberPage {
        let posts = profile.posts.map { post -> Post in
            Post(
                href: communityHref(post), title: post.title ?? CommunityIdeasPage.excerpt(post.body),
                kind: communityKindLabel(post.kind), createdText: ViewFormat.relative(post.createdAt, now: now))
        }
        let member = profile.member
        return CommunityMemberPage(
            chrome: chrome, id: member.id, name: member.publicName,
            initials: MemberStanding.initials(member.publicName),
            points: profile.standing.points, rank: profile.standing.rank.label, isBlocked: member.status == .blocked,
            badges: profile.standing.badges.map { Badge(name: $0.name, description: $0.description) },
            hasBadges: !profile.standing.badges.isEmpty, posts: posts, hasPosts: !posts.isEmpty,
            joinedText: ViewFormat.relative(member.createdAt, now: now), isSelf: chrome.member?.id == member.id,
            opensSuperfans: chrome.member?.id == member.id && profile.standing.rank == .superfan)
    }
}

/// `/community/moderation` (desk supervisors and admins): what waits, why, and the decisions.
struct ModerationPage: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        var id: Int64
        var kind: String
        var title: String?
        var body: String
        var parentTitle: String?
        var memberID: Int64
        var memberName: String
        var memberEmail: String?
        var reason: String
        var reports: Int
        var hasReports: Bool
        var createdText: String
    }

    var chrome: PageChrome
    var items: [Item]
    var hasItems: Bool

    static func make(chrome: PageChrome, queue: [ModerationItem], now: Date) -> ModerationPage {
        let items = queue.map { item in
            Item(
                id: item.post.id, kind: communityKindLabel(item.post.kind), title: item.post.title,
                body: item.post.body, parentTitle: item.parentTitle, memberID: item.post.memberID,
                memberName: item.memberName, memberEmail: item.memberEmail,
                reason: item.post.holdReason?.label ?? "waiting", reports: item.reports, hasReports: item.reports > 0,
                createdText: ViewFormat.relative(item.post.createdAt, now: now))
        }
        return ModerationPage(chrome: chrome, items: items, hasItems: !items.isEmpty)
    }
}

/// "Idea", "Comment", "Question", "Answer".
func communityKindLabel(_ kind: CommunityPost.Kind) -> String {
    switch kind {
    case .idea: "Idea"
    case .comment: "Comment"
    case .question: "Question"
    case .answer: "Answer"
    }
}

/// Where a post is read.
func communityHref(_ post: CommunityPost) -> String {
    switch post.kind {
    case .idea: "/community/ideas/\(post.id)"
    case .comment: "/community/ideas/\(post.parentID ?? 0)#comment-\(post.id)"
    case .question: "/community/questions/\(post.id)"
    case .answer: "/community/questions/\(post.parentID ?? 0)#answer-\(post.id)"
    }
}
