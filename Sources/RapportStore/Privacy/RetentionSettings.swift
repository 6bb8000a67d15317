import Foundation
import SQLKit

/// How long public mentions and audit rows are kept, in days; nil keeps them forever.
public struct RetentionPolicy: Sendable, Hashable, Codable {
    public var publicMentionDays: Int?
    public var auditDays: Int?

    public init(publicMentionDays: Int? = nil, auditDays: Int? = nil) {
        self.publicMentionDays = publicMentionDays
        self.auditDays = auditDays
    }

    /// This policy with `overrides` applied: a stored setting wins over the environment's value, and a stored 0
    /// means "keep forever" even when the environment sets a period.
    public func overridden(by overrides: RetentionPolicy) -> RetentionPolicy {
        func pick(_ base: Int?, _ override: Int?) -> Int? {
            guard let override else { return base }
            return override > 0 ? override : nil
        }
        return RetentionPolicy(
            publicMentionDays: pick(publicMentionDays, overrides.publicMentionDays),
            auditDays: pick(auditDays, overrides.auditDays))
    }

    /// The longest period accepted (100 years): beyond it a value is a typo.
    public static let maximumDays = 36_500
}

/// The administrators' retention settings, kept in `desk_settings` (`retention_public_days`,
/// `retention_audit_days`): a number of days, 0 for "keep forever"; absent when the environment decides.
public struct RetentionSettingsStore: Sendable {
    let database: Database

    static let publicKey = "retention_public_days"
    static let auditKey = "retention_audit_days"

    public init(database: Database) {
        self.database = database
    }

    /// The stored overrides (nil where none is stored).
    public func overrides() async throws -> RetentionPolicy {
        try await database.read { db in
            var policy = RetentionPolicy()
            for row in try await db.raw(
                "SELECT name, value FROM desk_settings WHERE name IN (\(bind: Self.publicKey), \(bind: Self.auditKey))"
            ).all() {
                let value = Int(try row.decode(column: "value", as: String.self))
                switch try row.decode(column: "name", as: String.self) {
                case Self.publicKey: policy.publicMentionDays = value
                default: policy.auditDays = value
                }
            }
            return policy
        }
    }

    /// Stores the overrides (nil removes one: the environment decides again), audited as `settings.retention`.
    /// Throws `StoreError.invalidArgument` for a negative or absurd number of days, storing nothing.
    public func setOverrides(_ policy: RetentionPolicy, by userID: Int64?, from origin: String) async throws {
        for days in [policy.publicMentionDays, policy.auditDays].compactMap({ $0 }) {
            guard (0...RetentionPolicy.maximumDays).contains(days) else {
                throw StoreError.invalidArgument(
                    "retention days must be between 0 (keep forever) and \(RetentionPolicy.maximumDays)")
            }
        }
        try await database.transaction { db in
            for (key, value) in [(Self.publicKey, policy.publicMentionDays), (Self.auditKey, policy.auditDays)] {
                try await db.raw("DELETE FROM desk_settings WHERE name = \(bind: key)").run()
                if let value {
                    try await db.raw(
                        "INSERT INTO desk_settings (name, value) VALUES (\(bind: key), \(bind: String(value)))"
                    ).run()
                }
            }
            func text(_ days: Int?) -> String { days.map { $0 == 0 ? "forever" : "\($0) days" } ?? "environment" }
            try await AuditLog.record(
                db, userID: userID, action: "settings.retention", target: "retention",
                detail: "from \(origin); public mentions: \(text(policy.publicMentionDays)), "
                    + "audit: \(text(policy.auditDays))")
        }
    }
}
