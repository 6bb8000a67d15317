import Foundation

/// What supervisors tell the desk: a product change, a policy, or a known incident. An incident carries a
/// listening query; while it is open it links itself to every conversation whose customer messages match, offers
/// its suggested reply there first, and on resolution can send a follow-up in each linked conversation.
public struct Announcement: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case announcement
        case incident
    }

    public enum Status: String, Sendable, Hashable, Codable {
        case open
        case resolved
    }

    public var id: Int64
    public var kind: Kind
    public var title: String
    /// Markdown, rendered safely.
    public var body: String
    /// An incident's listening query (the rule language).
    public var query: String?
    public var suggestedReply: String?
    public var status: Status
    public var authorID: Int64
    public var authorName: String
    /// Empty: everyone.
    public var teamIDs: [Int64]
    public var createdAt: Date
    public var expiresAt: Date?
    public var resolvedAt: Date?
    /// The follow-up sent on resolution, if any.
    public var followUp: String?

    /// Whether the desk shows it at `now`: open and not expired.
    public func isLive(at now: Date) -> Bool {
        status == .open && (expiresAt.map { $0 > now } ?? true)
    }

    /// Whether it is addressed to a member of `teams` (everyone's announcements reach everybody).
    public func reaches(teams: Set<Int64>) -> Bool {
        teamIDs.isEmpty || !teams.isDisjoint(with: teamIDs)
    }
}

/// Who has read an announcement, among the people it is addressed to.
public struct AnnouncementReaders: Sendable, Hashable, Codable {
    public struct Reader: Sendable, Hashable, Codable {
        public var userID: Int64
        public var name: String
        public var acknowledgedAt: Date?
    }

    public var read: [Reader]
    public var unread: [Reader]
}

/// A known incident linked to a conversation, as the conversation shows it.
public struct LinkedIncident: Sendable, Hashable, Codable {
    public var id: Int64
    public var title: String
    public var suggestedReply: String?
    public var status: Announcement.Status
}
