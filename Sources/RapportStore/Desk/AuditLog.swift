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

    /// Which rows `recent` returns: all of them by default.
    public struct Filter: Sendable, Equatable {
        public var userID: Int64?
        /// An action (`user.disable`) or a family of them (`user`, `user.*`: every action starting `user.`).
        public var action: String?
        public var since: Date?
        public var until: Date?

        public init(userID: Int64? = nil, action: String? = nil, since: Date? = nil, until: Date? = nil) {
            self.userID = userID
            self.action = action
            self.since = since
            self.until = until
        }

        var condition: SQLFragment {
            var parts: [SQLFragment] = [SQLFragment("1 = 1")]
            if let userID { parts.append(SQLFragment("user_id = ?", [userID])) }
            if let action, !action.isEmpty {
                let family = action.hasSuffix(".*") ? String(action.dropLast(2)) : action
                var pattern = ""
                for c in family {
                    if c == "!" || c == "%" || c == "_" { pattern.append("!") }
                    pattern.append(c)
                }
                parts.append(SQLFragment("(action = ? OR action LIKE ? ESCAPE '!')", [family, pattern + ".%"]))
            }
            if let since { parts.append(SQLFragment("at_ms >= ?", [since.millisecondsSince1970])) }
            if let until { parts.append(SQLFragment("at_ms < ?", [until.millisecondsSince1970])) }
            return SQLFragment.join(parts, separator: " AND ")
        }
    }

    /// Newest first, the rows `filter` keeps.
    public func recent(limit: Int = 200, filter: Filter = Filter()) async throws -> [AuditEntry] {
        let query =
            SQLFragment("SELECT * FROM audit_log WHERE ") + filter.condition
            + SQLFragment(" ORDER BY id DESC LIMIT ?", [limit])
        return try await database.read { db in
            try await db.raw(query.expression).all().map { row in
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
