import Foundation
import SQLKit

/// The administrators' team-scope setting, kept in `desk_settings` (`team_scope`: `on` or `off`); absent when
/// the environment (`RAPPORT_TEAM_SCOPE`) decides.
public struct TeamScopeSettingStore: Sendable {
    let database: Database

    static let key = "team_scope"

    public init(database: Database) {
        self.database = database
    }

    /// The stored override: true for on, false for off, nil when none is stored.
    public func override() async throws -> Bool? {
        try await database.read { db in
            try await db.raw("SELECT value FROM desk_settings WHERE name = \(bind: Self.key)").first()
                .map { try $0.decode(column: "value", as: String.self) == "on" }
        }
    }

    /// Stores the override (nil removes it: the environment decides again), audited as `settings.team_scope`.
    public func setOverride(_ enabled: Bool?, by userID: Int64?, from origin: String) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM desk_settings WHERE name = \(bind: Self.key)").run()
            if let enabled {
                try await db.raw(
                    "INSERT INTO desk_settings (name, value) VALUES (\(bind: Self.key), \(bind: enabled ? "on" : "off"))"
                ).run()
            }
            try await AuditLog.record(
                db, userID: userID, action: "settings.team_scope", target: "team_scope",
                detail: "from \(origin); team scope: \(enabled.map { $0 ? "on" : "off" } ?? "environment")")
        }
    }
}
