import RapportAnalysis

/// Decides whether a member's new post is published at once or waits in the moderation queue
/// (Discourse's review queue: new members' first posts, links, and what looks like spam or abuse). Pure.
public enum ModerationScreen {
    /// Why a post waits for a moderator; the queue shows the reason in words.
    public enum HoldReason: String, Sendable, Hashable, CaseIterable, Codable {
        case firstPost = "first_post"
        case link
        case spam
        case abuse
        /// A member reported it.
        case reported

        public var label: String {
            switch self {
            case .firstPost: "the member's first post"
            case .link: "contains a link"
            case .spam: "looks like spam"
            case .abuse: "looks abusive"
            case .reported: "reported by a member"
            }
        }
    }

    /// What the screen needs to know about a post and its author.
    public struct Post: Sendable {
        /// Title and body together (a link in the title counts too).
        public var text: String
        /// The author has had a post approved or published before (no longer a new member).
        public var authorTrusted: Bool
        /// The analyser's reading of `text`.
        public var analysis: PostAnalysis

        public init(text: String, authorTrusted: Bool, analysis: PostAnalysis) {
            self.text = text
            self.authorTrusted = authorTrusted
            self.analysis = analysis
        }
    }

    /// The noise intent's confidence at or above which a post is held as spam (the analyser gives a bare mention
    /// 0.3; promotional shapes — many hashtags, mentions with links — score well above).
    public static let spamConfidence = 0.6

    /// Nil: publish now. Otherwise the first reason to hold it, most serious first (abuse, spam, link, first
    /// post), so the moderator sees what matters.
    public static func hold(_ post: Post) -> HoldReason? {
        if isAbusive(post.text) { return .abuse }
        if post.analysis.intents.contains(where: { $0.name == .noise && $0.confidence >= spamConfidence })
            || looksLikeSpam(post.text)
        {
            return .spam
        }
        if LinkDetector.containsLink(post.text) { return .link }
        if !post.authorTrusted { return .firstPost }
        return nil
    }

    /// Words that make a post wait as abusive (insults and slurs aimed at people). Matched as whole words,
    /// case-insensitively; a moderator decides.
    public static let abusiveWords: Set<String> = [
        "idiot", "idiots", "moron", "morons", "retard", "retarded", "imbecile", "scum", "bastard",
        "bastards", "bitch", "asshole", "assholes", "dickhead", "cunt", "fuck", "fucking", "fucker", "motherfucker",
        "shithead", "whore", "slut", "kys",
    ]

    static func isAbusive(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        if words.contains(where: { abusiveWords.contains(String($0)) }) { return true }
        let joined = words.joined(separator: " ")
        return joined.contains("kill yourself")
    }

    /// Shapes the analyser does not weigh: the same character ten times, most of the text in capitals with
    /// money or prize words, or phone-number-and-"whatsapp" come-ons.
    static func looksLikeSpam(_ text: String) -> Bool {
        let lower = text.lowercased()
        let lures = [
            "whatsapp me", "telegram me", "dm me for", "make money fast", "earn $", "work from home and earn",
            "crypto giveaway", "free followers", "click here", "100% free", "buy followers", "casino bonus",
        ]
        if lures.contains(where: { lower.contains($0) }) { return true }
        var run = 0
        var previous: Character?
        for c in text where !c.isWhitespace {
            run = c == previous ? run + 1 : 1
            if run >= 10 { return true }
            previous = c
        }
        return false
    }
}
