import Foundation
import RapportDesk
import SQLKit

/// Routing rules (an ordered decision list), SLA policies and canned replies.
public struct DeskSettingsStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Appends a routing rule at the end of the list; its id is assigned here.
    public func addRoutingRule(_ rule: RoutingRule) async throws -> RoutingRule {
        try await database.transaction { db in
            let position =
                try await db.raw("SELECT coalesce(max(position), 0) + 1 AS p FROM routing_rules").first()?
                .decode(column: "p", as: Int.self) ?? 1
            let row = try await db.raw(
                """
                INSERT INTO routing_rules (position, definition) VALUES (\(bind: position),
                    \(bind: try DeskCoding.encode(rule))) RETURNING id
                """
            ).first()
            var stored = rule
            stored.id = RoutingRuleID(try row?.decode(column: "id", as: Int64.self) ?? 0)
            return stored
        }
    }

    public func routingRules() async throws -> [RoutingRule] {
        try await database.read { db in try await DeskDirectory.load(db).rules }
    }

    public func addSLAPolicy(_ policy: SLAPolicy) async throws -> SLAPolicy {
        try await database.transaction { db in
            let row = try await db.raw(
                """
                INSERT INTO sla_policies (name, definition) VALUES (\(bind: policy.name),
                    \(bind: try DeskCoding.encode(policy))) RETURNING id
                """
            ).first()
            var stored = policy
            stored.id = SLAPolicyID(try row?.decode(column: "id", as: Int64.self) ?? 0)
            return stored
        }
    }

    public func addCannedReply(title: String, body: String) async throws -> Int64 {
        try await database.transaction { db in
            try await db.raw(
                "INSERT INTO canned_replies (title, body) VALUES (\(bind: title), \(bind: body)) RETURNING id"
            ).first()?.decode(column: "id", as: Int64.self) ?? 0
        }
    }

    public func cannedReplies() async throws -> [(id: Int64, title: String, body: String)] {
        try await database.read { db in
            try await db.raw("SELECT * FROM canned_replies ORDER BY title").all().map {
                (
                    try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "title", as: String.self),
                    try $0.decode(column: "body", as: String.self)
                )
            }
        }
    }
}
