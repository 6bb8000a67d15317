import Foundation
import SQLKit

/// Who may read an article: colleagues only, or anyone on the public help center (once published).
public enum ArticleVisibility: String, Sendable, Codable, Hashable, CaseIterable {
    case `internal`
    case `public`
}

/// A draft is only for its editors; a published article is suggested and, when public, on the help center.
public enum ArticleStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case draft
    case published
}

/// One knowledge-base article as stored (the latest version).
public struct KnowledgeBaseArticle: Sendable, Hashable, Codable {
    public var id: Int64
    public var title: String
    public var body: String
    public var category: String
    public var tags: [String]
    public var language: String
    public var visibility: ArticleVisibility
    public var status: ArticleStatus
    public var version: Int
    public var authorID: Int64?
    /// The resolved conversation it was drafted from, if any.
    public var sourceConversationID: Int64?
    public var createdAt: Date
    public var updatedAt: Date

    /// Published and public: the help center may show it to anyone.
    public var isPublic: Bool { visibility == .public && status == .published }

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        title = try row.decode(column: "title", as: String.self)
        body = try row.decode(column: "body", as: String.self)
        category = try row.decode(column: "category", as: String.self)
        tags = KnowledgeBaseArticle.tags(try row.decode(column: "tags", as: String.self))
        language = try row.decode(column: "language", as: String.self)
        visibility = ArticleVisibility(rawValue: try row.decode(column: "visibility", as: String.self)) ?? .internal
        status = ArticleStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft
        version = try row.decode(column: "version", as: Int.self)
        authorID = try row.decode(column: "author_id", as: Int64?.self)
        sourceConversationID = try row.decode(column: "source_conversation_id", as: Int64?.self)
        createdAt = Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self))
        updatedAt = Date(milliseconds: try row.decode(column: "updated_ms", as: Int64.self))
    }

    /// Tags are stored comma-separated (a tag never holds a comma: the use case refuses one).
    static func tags(_ stored: String) -> [String] {
        stored.split(separator: ",").map(String.init)
    }
}

/// What an editor writes; the use case has validated it and computed `searchText`.
public struct KnowledgeBaseDraft: Sendable, Hashable {
    public var title: String
    public var body: String
    public var category: String
    public var tags: [String]
    public var language: String
    public var visibility: ArticleVisibility
    public var status: ArticleStatus
    /// The article's normalised terms (`RapportShare.SearchText.indexText`), which both full-text indexes hold.
    public var searchText: String

    public init(
        title: String, body: String, category: String, tags: [String], language: String,
        visibility: ArticleVisibility, status: ArticleStatus, searchText: String
    ) {
        self.title = title
        self.body = body
        self.category = category
        self.tags = tags
        self.language = language
        self.visibility = visibility
        self.status = status
        self.searchText = searchText
    }
}

/// One saved version of an article: what it said, who wrote it, when.
public struct KnowledgeBaseVersion: Sendable, Hashable, Codable {
    public var version: Int
    public var title: String
    public var body: String
    public var status: ArticleStatus
    public var visibility: ArticleVisibility
    public var authorID: Int64?
    public var authorName: String?
    public var at: Date
}
