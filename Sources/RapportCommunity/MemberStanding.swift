import Foundation

/// A member's points, rank and badges, computed from what they did (nothing is stored but the facts, so a rule
/// change re-ranks everyone and an undone vote takes its point back). Pure.
public struct MemberStanding: Sendable, Hashable {
    /// What the community knows about one member's contributions.
    public struct Facts: Sendable, Hashable {
        /// Published ideas.
        public var ideas: Int
        /// Votes other members gave the member's published ideas.
        public var votesReceived: Int
        /// Ideas the product team planned, started or shipped ("good ideas").
        public var ideasAdopted: Int
        /// Ideas shipped.
        public var ideasShipped: Int
        /// Published comments.
        public var comments: Int
        /// Votes the member gave.
        public var votesGiven: Int
        /// Answers the asker accepted (questions and peer answers).
        public var acceptedAnswers: Int
        /// When the member last posted or voted.
        public var lastActive: Date
        public var joined: Date

        public init(
            ideas: Int = 0, votesReceived: Int = 0, ideasAdopted: Int = 0, ideasShipped: Int = 0, comments: Int = 0,
            votesGiven: Int = 0, acceptedAnswers: Int = 0, lastActive: Date, joined: Date
        ) {
            self.ideas = ideas
            self.votesReceived = votesReceived
            self.ideasAdopted = ideasAdopted
            self.ideasShipped = ideasShipped
            self.comments = comments
            self.votesGiven = votesGiven
            self.acceptedAnswers = acceptedAnswers
            self.lastActive = lastActive
            self.joined = joined
        }
    }

    /// Ranks, lowest first. Each needs its points; the top two are kept only while the member is active
    /// (Discourse's trust level 3): someone quiet for ``activeDays`` drops to ``regular``.
    public enum Rank: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
        case newcomer, member, regular, champion, superfan

        public var minimumPoints: Int {
            switch self {
            case .newcomer: 0
            case .member: 10
            case .regular: 50
            case .champion: 150
            case .superfan: 400
            }
        }

        public var label: String {
            switch self {
            case .newcomer: "Newcomer"
            case .member: "Member"
            case .regular: "Regular"
            case .champion: "Champion"
            case .superfan: "Superfan"
            }
        }

        public static func < (a: Rank, b: Rank) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// Points for each contribution.
    public enum Points {
        public static let idea = 2
        public static let voteReceived = 1
        public static let ideaAdopted = 10
        public static let ideaShipped = 15
        public static let comment = 1
        public static let acceptedAnswer = 15
    }

    /// Days without posting or voting after which the active-only ranks are lost.
    public static let activeDays = 60

    public var points: Int
    public var rank: Rank
    public var badges: [Badge]

    /// A badge: earned once, shown on the profile.
    public struct Badge: Sendable, Hashable {
        public var name: String
        public var description: String
    }

    public init(_ facts: Facts, now: Date) {
        let points =
            facts.ideas * Points.idea + facts.votesReceived * Points.voteReceived + facts.ideasAdopted
            * Points.ideaAdopted + facts.ideasShipped * Points.ideaShipped + facts.comments * Points.comment
            + facts.acceptedAnswers * Points.acceptedAnswer
        self.points = points
        let earned = Rank.allCases.last { points >= $0.minimumPoints } ?? .newcomer
        let active = now.timeIntervalSince(facts.lastActive) <= Double(Self.activeDays) * 86_400
        rank = active ? earned : min(earned, .regular)
        var badges: [Badge] = []
        if facts.ideas > 0 { badges.append(Badge(name: "Idea maker", description: "posted an idea")) }
        if facts.votesGiven >= 10 { badges.append(Badge(name: "Voter", description: "voted on ten ideas")) }
        if facts.votesReceived >= 25 {
            badges.append(Badge(name: "Crowd pleaser", description: "25 votes on their ideas"))
        }
        if facts.ideasAdopted > 0 {
            badges.append(Badge(name: "Roadmap", description: "an idea the product team planned"))
        }
        if facts.ideasShipped > 0 { badges.append(Badge(name: "Shipped", description: "an idea that shipped")) }
        if facts.acceptedAnswers > 0 {
            badges.append(Badge(name: "Helper", description: "an answer the asker accepted"))
        }
        if now.timeIntervalSince(facts.joined) >= 365 * 86_400 {
            badges.append(Badge(name: "Veteran", description: "a member for a year"))
        }
        self.badges = badges
    }

    /// Two-letter initials for the avatar ("Dana Whitfield" → "DW", "zoë" → "Z"); "?" when there is no letter.
    public static func initials(_ name: String) -> String {
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter {
            $0.first?.isLetter == true
        }
        let letters = words.prefix(2).compactMap(\.first).map { String($0).uppercased() }
        return letters.isEmpty ? "?" : letters.joined()
    }
}
