import Foundation
import RapportDesk

/// Everything Rapport stores about one person, as one document (the data-subject access right). Profiles merged
/// into the customer are the same person and are included; see `docs/privacy.md` for each field.
public struct CustomerExport: Sendable, Codable, Hashable {
    /// The document's shape; a change of shape gets a new version.
    public var format = "rapport.customer-export/1"
    public var exportedAt: Date
    public var customerID: Int64
    /// The profile asked for first, then the profiles merged into it.
    public var profiles: [Profile]
    public var identities: [Identity]
    /// The latest consent answers per purpose (the profile's own, which merges already combined).
    public var consent: ConsentFlags
    public var conversations: [Conversation]
    /// Internal notes about the person (also inside their conversations), newest first.
    public var notes: [ConversationMessage]
    /// The social, email and chat accounts that wrote the person's messages or that a verified identity names.
    public var authors: [Author]
    /// Every stored post of those accounts, public or private, oldest first.
    public var mentions: [Mention]
    public var surveys: [Survey]
    public var orders: [Order]
    public var merges: [CustomerMergeRecord]

    public struct Profile: Sendable, Codable, Hashable {
        public var id: Int64
        public var name: String
        public var facts: [String: FactValue]
        public var tags: [String]
        public var createdAt: Date
        public var updatedAt: Date
        public var mergedInto: Int64?
    }

    public struct Identity: Sendable, Codable, Hashable {
        public var customerID: Int64
        public var kind: String
        public var value: String
        public var verified: Bool
        public var evidence: String
        public var linkedAt: Date
    }

    public struct Conversation: Sendable, Codable, Hashable {
        public var id: Int64
        public var customerID: Int64
        public var network: String
        public var channelKind: String
        public var status: String
        public var priority: String
        public var subject: String
        public var tags: [String]
        public var createdAt: Date
        public var updatedAt: Date
        public var messages: [ConversationMessage]
        public var events: [Event]
    }

    public struct Event: Sendable, Codable, Hashable {
        public var at: Date
        public var actor: String
        public var change: ConversationEvent.Change
    }

    public struct Author: Sendable, Codable, Hashable {
        public var id: Int64
        public var network: String
        public var externalID: String
        public var handle: String
        public var displayName: String?
        public var followers: Int64?
        public var following: Int64?
        public var verified: Bool
        public var profileURL: String?
        public var bio: String?
        public var firstSeenAt: Date
        public var lastSeenAt: Date
    }

    public struct Mention: Sendable, Codable, Hashable {
        public var id: Int64
        public var authorID: Int64
        public var network: String
        public var externalID: String
        public var url: String?
        public var kind: String
        public var origin: String
        public var title: String?
        public var text: String
        public var language: String?
        public var createdAt: Date
        public var inReplyTo: String?
        public var threadID: String?
        public var hashtags: [String]
        public var mentioned: [String]
        public var sentiment: String?
        public var sentimentScore: Double?
        public var intents: [String]
        public var level: String?
        public var influence: Int?
    }

    public struct Survey: Sendable, Codable, Hashable {
        public var id: Int64
        public var kind: String
        public var customerID: Int64
        public var conversationID: Int64?
        public var network: String
        public var createdAt: Date
        public var answeredAt: Date?
        public var score: Int?
        public var comment: String?
        public var sharedOn: [String]
    }
}
