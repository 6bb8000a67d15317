import Foundation
import SQLKit

/// What may be shown of a token: never the token itself (only its hash is stored).
public struct APITokenInfo: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var userID: Int64?
    /// Machine tokens' scopes; nil for personal tokens (and machine tokens from before scopes: full rights).
    public var scopes: [TokenScope]?
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revoked: Bool

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        name = try row.decode(column: "name", as: String.self)
        userID = try row.decode(column: "user_id", as: Int64?.self)
        scopes = try row.decode(column: "scopes", as: String?.self).map { try TokenScope.parseList($0).get().sorted() }
        createdAt = Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self))
        lastUsedAt = try row.decode(column: "last_used_ms", as: Int64?.self).map(Date.init(milliseconds:))
        revoked = try row.decode(column: "revoked", as: Int.self) != 0
    }
}
