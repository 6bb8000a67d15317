import Foundation
import RapportDesk
import SQLKit

/// A colleague's personal notification, as the bell and `/notifications` show it.
public struct DeskNotification: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Date
    public var kind: DeskNotice.Kind
    public var conversationID: Int64?
    public var conversationSubject: String?
    public var actorName: String?
    public var text: String
    public var readAt: Date?
}

/// Notifications per user: written with the conversation change that causes them (same
/// transaction), read and marked read by their recipient only.
public struct NotificationStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Newest first.
    public func list(userID: Int64, unreadOnly: Bool = false, limit: Int = 50) async throws -> [DeskNotification] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT n.id, n.at_ms, n.kind, n.conversation_id, n.text, n.read_ms, c.subject, u.name AS actor_name
                FROM notifications n
                LEFT JOIN conversations c ON c.id = n.conversation_id
                LEFT JOIN users u ON u.id = n.actor_id
                WHERE n.user_id = \(bind: userID) \(unsafeRaw: unreadOnly ? "AND n.read_ms IS NULL" : "")
                ORDER BY n.id DESC LIMIT \(bind: limit)
                """
            ).all().map { row in
                DeskNotification(
                    id: try row.decode(column: "id", as: Int64.self),
                    at: Date(milliseconds: try row.decode(column: "at_ms", as: Int64.self)),
                    kind: DeskNotice.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .mention,
                    conversationID: try row.decode(column: "conversation_id", as: Int64?.self),
                    conversationSubject: try row.decode(column: "subject", as: String?.self),
                    actorName: try row.decode(column: "actor_name", as: String?.self),
                    text: try row.decode(column: "text", as: String.self),
                    readAt: try row.decode(column: "read_ms", as: Int64?.self).map(Date.init(milliseconds:)))
            }
        }
    }

    public func unreadCount(userID: Int64) async throws -> Int {
        try await database.read { db in
            try await db.raw(
                "SELECT count(*) AS n FROM notifications WHERE user_id = \(bind: userID) AND read_ms IS NULL"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Marks the user's notifications read (all of them when `ids` is nil); returns how many changed.
    /// Ids of other users' notifications are ignored.
    @discardableResult
    public func markRead(userID: Int64, ids: [Int64]? = nil, at date: Date = Date()) async throws -> Int {
        if let ids, ids.isEmpty { return 0 }
        return try await database.transaction { db in
            var query =
                SQLQueryString("UPDATE notifications SET read_ms = \(bind: date.millisecondsSince1970)")
                + " WHERE user_id = \(bind: userID) AND read_ms IS NULL"
            if let ids {
                query =
                    query + " AND id IN (" + SQLQueryString(ids.map { String($0) }.joined(separator: ","))
                    + ")"
            }
            return try await db.raw(query + " RETURNING id").all().count
        }
    }

    /// Opening a conversation reads the user's notifications about it.
    public func markRead(userID: Int64, conversationID: Int64, at date: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                UPDATE notifications SET read_ms = \(bind: date.millisecondsSince1970)
                WHERE user_id = \(bind: userID) AND conversation_id = \(bind: conversationID) AND read_ms IS NULL
                """
            ).run()
        }
    }

    /// Writes the notices a conversation change calls for, in the caller's transaction.
    static func record(_ db: any SQLDatabase, _ notices: [DeskNotice]) async throws {
        for notice in notices {
            try await db.raw(
                """
                INSERT INTO notifications (user_id, at_ms, kind, conversation_id, actor_id, text)
                SELECT id, \(bind: notice.at.millisecondsSince1970), \(bind: notice.kind.rawValue),
                    \(bind: notice.conversationID.rawValue), \(bind: notice.actor?.rawValue), \(bind: notice.text)
                FROM users WHERE id = \(bind: notice.recipient.rawValue) AND disabled = 0
                """
            ).run()
        }
    }
}
