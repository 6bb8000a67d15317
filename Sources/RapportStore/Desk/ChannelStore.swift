import Foundation
import RapportCore
import SQLKit

/// How the desk treats one network: the brand's account on it, whether replies go out, and the
/// team that gets its conversations when no routing rule names one. Credentials stay in the
/// environment (`RAPPORT_*`), never in the database.
public struct ChannelSetting: Sendable, Hashable, Codable {
    public var network: Network
    public var name: String
    /// The brand's own account there (`@AcmeCare`, a page id, `care@acme.example`).
    public var account: String
    /// Off holds replies in the outbox (queued, not lost) — during an incident or an account
    /// review — until it is turned back on.
    public var repliesEnabled: Bool
    public var defaultTeamID: Int64?

    public init(
        network: Network, name: String? = nil, account: String = "", repliesEnabled: Bool = true,
        defaultTeamID: Int64? = nil
    ) {
        self.network = network
        self.name = name ?? network.rawValue
        self.account = account
        self.repliesEnabled = repliesEnabled
        self.defaultTeamID = defaultTeamID
    }
}

/// What a channel did recently, for the channels page.
public struct ChannelActivity: Sendable, Hashable, Codable {
    public var received: Int = 0
    public var lastReceivedAt: Date?
    public var queued: Int = 0
    public var sent: Int = 0
    public var failed: Int = 0
    public var lastError: String?

    public init() {}
}

public struct ChannelStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every network, stored settings or defaults.
    public func all() async throws -> [ChannelSetting] {
        let stored = try await database.read { db in try await Self.stored(db) }
        return Network.allCases.map { stored[$0] ?? ChannelSetting(network: $0) }
    }

    static func stored(_ db: any SQLDatabase) async throws -> [Network: ChannelSetting] {
        var result: [Network: ChannelSetting] = [:]
        for row in try await db.raw("SELECT * FROM channels").all() {
            guard let network = Network(rawValue: try row.decode(column: "network", as: String.self)) else { continue }
            result[network] = ChannelSetting(
                network: network, name: try row.decode(column: "name", as: String.self),
                account: try row.decode(column: "account", as: String.self),
                repliesEnabled: try row.decode(column: "replies_enabled", as: Int.self) != 0,
                defaultTeamID: try row.decode(column: "default_team_id", as: Int64?.self))
        }
        return result
    }

    /// Saves one channel's settings (audited).
    public func save(_ setting: ChannelSetting, by userID: Int64?, at date: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO channels (network, name, account, replies_enabled, default_team_id, updated_ms)
                VALUES (\(bind: setting.network.rawValue), \(bind: setting.name), \(bind: setting.account),
                    \(bind: setting.repliesEnabled ? 1 : 0), \(bind: setting.defaultTeamID),
                    \(bind: date.millisecondsSince1970))
                ON CONFLICT (network) DO UPDATE SET name = excluded.name, account = excluded.account,
                    replies_enabled = excluded.replies_enabled, default_team_id = excluded.default_team_id,
                    updated_ms = excluded.updated_ms
                """
            ).run()
            try await AuditLog.record(
                db, userID: userID, action: "channel.update", target: "channel:\(setting.network.rawValue)",
                detail: "replies \(setting.repliesEnabled ? "on" : "paused"); account \(setting.account)")
        }
    }

    /// Mentions received and replies queued, sent and failed per network since `since`.
    public func activity(since: Date) async throws -> [Network: ChannelActivity] {
        let ms = since.millisecondsSince1970
        return try await database.read { db in
            var result: [Network: ChannelActivity] = [:]
            for row in try await db.raw(
                """
                SELECT network, count(*) AS n, max(created_ms) AS last FROM mentions
                WHERE created_ms >= \(bind: ms) GROUP BY network
                """
            ).all() {
                guard let network = Network(rawValue: try row.decode(column: "network", as: String.self)) else {
                    continue
                }
                result[network, default: ChannelActivity()].received = try row.decode(column: "n", as: Int.self)
                result[network, default: ChannelActivity()].lastReceivedAt = try row.decode(
                    column: "last", as: Int64?.self
                ).map(Date.init(milliseconds:))
            }
            for row in try await db.raw(
                """
                SELECT network, status, count(*) AS n, max(last_error) AS last_error FROM outbox
                WHERE created_ms >= \(bind: ms) GROUP BY network, status
                """
            ).all() {
                guard let network = Network(rawValue: try row.decode(column: "network", as: String.self)) else {
                    continue
                }
                let n = try row.decode(column: "n", as: Int.self)
                switch try row.decode(column: "status", as: String.self) {
                case "sent": result[network, default: ChannelActivity()].sent += n
                case "failed":
                    result[network, default: ChannelActivity()].failed += n
                    result[network, default: ChannelActivity()].lastError = try row.decode(
                        column: "last_error", as: String?.self)
                default: result[network, default: ChannelActivity()].queued += n
                }
            }
            return result
        }
    }
}
