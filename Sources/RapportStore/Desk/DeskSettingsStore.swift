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
    public func addRoutingRule(_ rule: RoutingRule, by userID: Int64? = nil) async throws -> RoutingRule {
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
            try await AuditLog.record(
                db, userID: userID, action: "routing_rule.create", target: "routing_rule:\(stored.id.rawValue)",
                detail: String(rule.name.prefix(200)))
            return stored
        }
    }

    public func routingRules() async throws -> [RoutingRule] {
        try await database.read { db in try await DeskDirectory.load(db).rules }
    }

    public func addSLAPolicy(_ policy: SLAPolicy, by userID: Int64? = nil) async throws -> SLAPolicy {
        try await database.transaction { db in
            if try await db.raw("SELECT id FROM sla_policies WHERE name = \(bind: policy.name)").first() != nil {
                throw StoreError.conflict("an SLA policy named '\(policy.name)' already exists")
            }
            let row = try await db.raw(
                """
                INSERT INTO sla_policies (name, definition) VALUES (\(bind: policy.name),
                    \(bind: try DeskCoding.encode(policy))) RETURNING id
                """
            ).first()
            var stored = policy
            stored.id = SLAPolicyID(try row?.decode(column: "id", as: Int64.self) ?? 0)
            try await AuditLog.record(
                db, userID: userID, action: "sla_policy.create", target: "sla_policy:\(stored.id.rawValue)",
                detail: String(policy.name.prefix(200)))
            return stored
        }
    }

    public func addCannedReply(title: String, body: String, by userID: Int64? = nil) async throws -> Int64 {
        try await database.transaction { db in
            if try await db.raw("SELECT id FROM canned_replies WHERE title = \(bind: title)").first() != nil {
                throw StoreError.conflict("a canned reply titled '\(title)' already exists")
            }
            let id =
                try await db.raw(
                    "INSERT INTO canned_replies (title, body) VALUES (\(bind: title), \(bind: body)) RETURNING id"
                ).first()?.decode(column: "id", as: Int64.self) ?? 0
            try await AuditLog.record(
                db, userID: userID, action: "canned_reply.create", target: "canned_reply:\(id)",
                detail: String(title.prefix(200)))
            return id
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

    /// Removes a routing rule; false when there was none.
    public func deleteRoutingRule(id: Int64, by userID: Int64?) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM routing_rules WHERE id = \(bind: id)").first() != nil else {
                return false
            }
            try await db.raw("DELETE FROM routing_rules WHERE id = \(bind: id)").run()
            try await AuditLog.record(
                db, userID: userID, action: "routing_rule.delete", target: "routing_rule:\(id)", detail: "")
            return true
        }
    }

    public func slaPolicies() async throws -> [SLAPolicy] {
        try await database.read { db in
            try await DeskDirectory.load(db).policies.values.sorted { $0.id < $1.id }
        }
    }

    public func deleteCannedReply(id: Int64, by userID: Int64? = nil) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM canned_replies WHERE id = \(bind: id)").first() != nil else {
                return false
            }
            try await db.raw("DELETE FROM canned_replies WHERE id = \(bind: id)").run()
            try await AuditLog.record(
                db, userID: userID, action: "canned_reply.delete", target: "canned_reply:\(id)", detail: "")
            return true
        }
    }
}
