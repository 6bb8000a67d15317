import Foundation
import RapportCore
import SQLKit

/// Listening rules. Queries are validated by the caller (``RuleMatcher``) before they get here.
public struct RuleStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func all() async throws -> [ListeningRule] {
        try await database.read { db in
            try await db.raw("SELECT * FROM listening_rules ORDER BY id").all().map(Self.decode)
        }
    }

    public func rule(id: Int64) async throws -> ListeningRule? {
        try await database.read { db in
            try await db.raw("SELECT * FROM listening_rules WHERE id = \(bind: id)").first().map(Self.decode)
        }
    }

    /// Creates a rule; names are unique.
    public func create(
        name: String, brand: String, isCompetitor: Bool, query: String, enabled: Bool = true, by actor: AuditActor = .cli
    ) async throws -> ListeningRule {
        let now = Date().millisecondsSince1970
        return try await database.transaction { db in
            if try await db.raw("SELECT id FROM listening_rules WHERE name = \(bind: name)").first() != nil {
                throw StoreError.conflict("a listening rule named '\(name)' already exists")
            }
            let row = try await db.raw(
                """
                INSERT INTO listening_rules (name, brand, is_competitor, query, enabled, created_ms, updated_ms)
                VALUES (\(bind: name), \(bind: brand), \(bind: isCompetitor ? 1 : 0), \(bind: query),
                        \(bind: enabled ? 1 : 0), \(bind: now), \(bind: now))
                RETURNING *
                """
            ).first()
            guard let row else { throw StoreError.notFound("inserted rule") }
            let rule = try Self.decode(row)
            try await AuditLog.record(
                db, actor, action: "rule.create", target: "rule:\(rule.id)", detail: "\(rule.name): \(rule.query)")
            return rule
        }
    }

    /// Replaces a rule's fields; returns nil when there is no such rule.
    public func update(_ rule: ListeningRule, by actor: AuditActor = .cli) async throws -> ListeningRule? {
        let now = Date().millisecondsSince1970
        return try await database.transaction { db in
            if let other = try await db.raw(
                "SELECT id FROM listening_rules WHERE name = \(bind: rule.name) AND id <> \(bind: rule.id)"
            ).first(), try other.decode(column: "id", as: Int64.self) != rule.id {
                throw StoreError.conflict("a listening rule named '\(rule.name)' already exists")
            }
            let updated = try await db.raw(
                """
                UPDATE listening_rules SET name = \(bind: rule.name), brand = \(bind: rule.brand),
                    is_competitor = \(bind: rule.isCompetitor ? 1 : 0), query = \(bind: rule.query),
                    enabled = \(bind: rule.enabled ? 1 : 0), updated_ms = \(bind: now)
                WHERE id = \(bind: rule.id) RETURNING *
                """
            ).first().map(Self.decode)
            if let updated {
                try await AuditLog.record(
                    db, actor, action: "rule.update", target: "rule:\(rule.id)",
                    detail: "\(updated.name)\(updated.enabled ? "" : " (disabled)"): \(updated.query)")
            }
            return updated
        }
    }

    /// Deletes a rule; true when it existed. Stored mentions keep their links for history.
    public func delete(id: Int64, by actor: AuditActor = .cli) async throws -> Bool {
        try await database.transaction { db in
            guard
                let row = try await db.raw("DELETE FROM listening_rules WHERE id = \(bind: id) RETURNING name").first()
            else { return false }
            try await AuditLog.record(
                db, actor, action: "rule.delete", target: "rule:\(id)",
                detail: try row.decode(column: "name", as: String.self))
            return true
        }
    }

    /// The highest `updated_ms` over all rules and their count: instances compare it to
    /// notice that another instance changed the rules.
    public func version() async throws -> String {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    "SELECT count(*) AS n, coalesce(max(updated_ms), 0) AS v FROM listening_rules"
                ).first()
            else { return "0" }
            return "\(try row.decode(column: "n", as: Int64.self)):\(try row.decode(column: "v", as: Int64.self))"
        }
    }

    static func decode(_ row: any SQLRow) throws -> ListeningRule {
        ListeningRule(
            id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
            brand: try row.decode(column: "brand", as: String.self),
            isCompetitor: try row.decode(column: "is_competitor", as: Int.self) != 0,
            query: try row.decode(column: "query", as: String.self),
            enabled: try row.decode(column: "enabled", as: Int.self) != 0)
    }
}
