import Foundation
import RapportCommunity

/// A member's post: an idea, a comment on one (and later questions and answers), with its moderation state and,
/// for an idea, its status and official response.
public struct CommunityPost: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case idea, comment, question, answer
    }

    /// Where a post lives: the public community, or the board only superfans read.
    public enum Board: String, Sendable, Hashable, Codable {
        case `public`, superfans
    }

    /// Only `published` posts are ever shown to the public.
    public enum State: String, Sendable, Hashable, Codable {
        case pending, published, rejected
    }

    public var id: Int64
    public var kind: Kind
    /// The idea a comment is on.
    public var parentID: Int64?
    public var memberID: Int64
    /// "Former member" once the author deleted their account.
    public var authorName: String
    public var title: String?
    public var body: String
    public var state: State
    /// Why it waits (or waited) for a moderator.
    public var holdReason: ModerationScreen.HoldReason?
    public var rejectionReason: String?
    /// Ideas only.
    public var status: IdeaStatus?
    public var response: String?
    public var respondedAt: Date?
    public var duplicateOf: Int64?
    public var createdAt: Date
    public var board: Board
    /// Votes (ideas).
    public var votes: Int
}

/// An idea in a list, with what the lists and the product team's ranking show.
public struct IdeaSummary: Sendable, Hashable {
    public var post: CommunityPost
    /// The voters' order totals (each customer once).
    public var revenue: Double
    /// Voters who are paying customers.
    public var customers: Int
    public var comments: Int
    /// The viewing member has voted for it.
    public var votedByViewer: Bool
}

/// A post waiting in the moderation queue, with its author.
public struct ModerationItem: Sendable, Hashable {
    public var post: CommunityPost
    public var memberName: String
    public var memberEmail: String?
    /// For a comment: the idea it is on.
    public var parentTitle: String?
    /// Members who reported it.
    public var reports: Int
}
