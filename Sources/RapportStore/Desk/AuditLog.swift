import Foundation
import SQLKit

/// One security-relevant action (sign-in, role change, merge, export, deletion).
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Date
    public var userID: Int64?
    public var action: String
    public var target: String
    public var detail: String
    /// The client address the action came from, when it came over HTTP.
    public var address: String?
}

/// The audit log: append-only, written in the same transaction as the change it records.
public struct AuditLog: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Records an action on its own (sign-in, export).
    public func record(
        userID: Int64?, action: String, target: String = "", detail: String = "", address: String? = nil
    ) async throws {
        try await database.transaction { db in
            try await Self.record(db, userID: userID, action: action, target: target, detail: detail, address: address)
        }
    }

    /// Newest first.
    public func recent(limit: Int = 200) async throws -> [AuditEntry] {
        try await database.read { db in
            try await db.raw("SELECT * FROM audit_log ORDER BY id DESC LIMIT \(bind: limit)").all().map { row in
                AuditEntry(
                    id: try row.decode(column: "id", as: Int64.self),
                    at: Date(milliseconds: try row.decode(column: "at_ms", as: Int64.self)),
                    userID: try row.decode(column: "user_id", as: Int64?.self),
                    action: try row.decode(column: "action", as: String.self),
                    target: try row.decode(column: "target", as: String.self),
                    detail: try row.decode(column: "detail", as: String.self),
                    address: try row.decode(column: "address", as: String?.self))
            }
        }
    }

    /// Longest `target` or `detail` kept: audit rows come from strangers' input too (a typed email), and must not
    /// become a disk filler.
    public static let maxFieldLength = 512

    static func record(
        _ db: any SQLDatabase, userID: Int64?, action: String, target: String, detail: String, address: String? = nil
    ) async throws {
        try await db.raw(
            """
            INSERT INTO audit_log (at_ms, user_id, action, target, detail, address)
            VALUES (\(bind: Date().millisecondsSince1970), \(bind: userID), \(bind: action),
                    \(bind: Self.bounded(target)), \(bind: Self.bounded(detail)), \(bind: address.map(Self.bounded)))
            """
        ).run()
    }

    /// `text` cut to ``maxFieldLength`` characters, marked when cut.
    static func bounded(_ text: String) -> String {
        text.count <= maxFieldLength ? text : String(text.prefix(maxFieldLength - 1)) + "…"
    }
}
