import Foundation
import RapportCore
import SQLKit

/// The brand account inventory (`brand_accounts`) and the review of handles listening found carrying a brand's
/// name (`brand_handle_reviews`). Credentials are stored sealed: this store never sees them in clear.
public struct BrandAccountStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A new inventory entry; `handle` is already normalised (``AccountGovernance/handle(_:)``).
    public struct NewAccount: Sendable {
        public var network: String
        public var handle: String
        public var name = ""
        public var ownerID: Int64?
        public var teamID: Int64?
        public var purpose = ""
        public var followers: Int64?
        public var sealedCredentials: String?
        public var isDefault = false

        public init(network: String, handle: String) {
            self.network = network
            self.handle = handle
        }
    }

    /// Adds the account; `StoreError.conflict` when the network already has this handle in the inventory.
    public func create(_ account: NewAccount, now: Date = Date()) async throws -> Int64 {
        try await database.transaction { db in
            if try await db.raw(
                """
                SELECT id FROM brand_accounts WHERE network = \(bind: account.network) AND handle = \(bind: account.handle)
                """
            ).first() != nil {
                throw StoreError.conflict("\(account.network) account @\(account.handle) is already in the inventory")
            }
            let status: BrandAccount.Status =
                account.sealedCredentials != nil || account.isDefault ? .connected : .inventoryOnly
            let row = try await db.raw(
                """
                INSERT INTO brand_accounts (network, handle, name, owner_id, team_id, purpose, followers, status,
                    credentials, is_default, created_ms, updated_ms)
                VALUES (\(bind: account.network), \(bind: account.handle), \(bind: account.name),
                    \(bind: account.ownerID), \(bind: account.teamID), \(bind: account.purpose),
                    \(bind: account.followers), \(bind: status.rawValue), \(bind: account.sealedCredentials),
                    \(bind: account.isDefault ? 1 : 0), \(bind: now.millisecondsSince1970),
                    \(bind: now.millisecondsSince1970))
                RETURNING id
                """
            ).first()
            guard let row else { throw StoreError.notFound("inserted brand account") }
            return try row.decode(column: "id", as: Int64.self)
        }
    }

    /// Makes sure the network's environment-configured account is in the inventory (once; an admin may rename it).
    public func ensureDefault(network: String, handle: String, now: Date = Date()) async throws {
        let exists = try await database.read { db in
            try await db.raw(
                "SELECT id FROM brand_accounts WHERE network = \(bind: network) AND is_default = 1"
            ).first() != nil
        }
        guard !exists else { return }
        var account = NewAccount(network: network, handle: handle)
        account.isDefault = true
        account.purpose = "Replies from the desk (configured by environment variables)"
        do {
            _ = try await create(account, now: now)
        } catch StoreError.conflict {
            // Another instance added it first, or an admin already listed that handle: mark theirs the default.
            try await database.transaction { db in
                try await db.raw(
                    """
                    UPDATE brand_accounts SET is_default = 1
                    WHERE network = \(bind: network) AND handle = \(bind: handle)
                    """
                ).run()
            }
        }
    }

    /// Every account, with its last activity: the latest of what Rapport published as it, the latest post listening
    /// stored from its handle and, for a network's default account, the latest reply the desk delivered there.
    public func all() async throws -> [BrandAccount] {
        try await database.read { db in
            let rows = try await db.raw("SELECT * FROM brand_accounts ORDER BY network, handle").all()
            var accounts = try rows.map(Self.decode)
            guard !accounts.isEmpty else { return [] }
            let handles = Array(Set(accounts.map(\.handle)))
            let seen = SQLFragment(
                """
                SELECT a.network AS network, lower(a.handle) AS handle, MAX(m.created_ms) AS last_ms
                FROM authors a JOIN mentions m ON m.author_id = a.id
                WHERE lower(a.handle) IN (\(SQLFragment.placeholders(handles.count)))
                GROUP BY a.network, lower(a.handle)
                """, handles)
            var latest: [String: Int64] = [:]
            for row in try await db.raw(seen.expression).all() {
                let key =
                    try row.decode(column: "network", as: String.self) + "/"
                    + row.decode(column: "handle", as: String.self)
                latest[key] = try row.decode(column: "last_ms", as: Int64?.self)
            }
            var replies: [String: Int64] = [:]
            for row in try await db.raw(
                """
                SELECT network, MAX(created_ms) AS last_ms FROM conversation_messages
                WHERE direction = 'out' AND delivery = 'sent' GROUP BY network
                """
            ).all() {
                replies[try row.decode(column: "network", as: String.self)] = try row.decode(
                    column: "last_ms", as: Int64?.self)
            }
            for i in accounts.indices {
                let a = accounts[i]
                let candidates = [
                    a.lastActivityAt?.millisecondsSince1970, latest[a.network + "/" + a.handle],
                    a.isDefault ? replies[a.network] : nil,
                ].compactMap { $0 }
                accounts[i].lastActivityAt = candidates.max().map(Date.init(milliseconds:))
            }
            return accounts
        }
    }

    public func account(_ id: Int64) async throws -> BrandAccount? {
        try await all().first { $0.id == id }
    }

    /// The sealed credentials, for the code that publishes (never for an API answer).
    public func sealedCredentials(_ id: Int64) async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT credentials FROM brand_accounts WHERE id = \(bind: id)").first()?
                .decode(column: "credentials", as: String?.self)
        }
    }

    /// Fields to change; nil leaves a field as it is, `.some(nil)` clears an optional one.
    public struct Changes: Sendable {
        public var name: String?
        public var ownerID: Int64??
        public var teamID: Int64??
        public var purpose: String?
        public var followers: Int64??
        public var sealedCredentials: String??
        public var status: BrandAccount.Status?

        public init() {}
    }

    /// Applies `changes`; false when there is no such account. New credentials make it `connected`, removed ones
    /// `inventory_only`, unless `status` says otherwise.
    public func update(_ id: Int64, _ changes: Changes, now: Date = Date()) async throws -> Bool {
        try await database.transaction { db in
            guard let row = try await db.raw("SELECT * FROM brand_accounts WHERE id = \(bind: id)").first() else {
                return false
            }
            var a = try Self.decode(row)
            var credentials = try row.decode(column: "credentials", as: String?.self)
            if let name = changes.name { a.name = name }
            if let owner = changes.ownerID { a.ownerID = owner }
            if let team = changes.teamID { a.teamID = team }
            if let purpose = changes.purpose { a.purpose = purpose }
            if let followers = changes.followers { a.followers = followers }
            if let sealed = changes.sealedCredentials {
                credentials = sealed
                a.status = sealed == nil && !a.isDefault ? .inventoryOnly : .connected
            }
            if let status = changes.status { a.status = status }
            try await db.raw(
                """
                UPDATE brand_accounts SET name = \(bind: a.name), owner_id = \(bind: a.ownerID),
                    team_id = \(bind: a.teamID), purpose = \(bind: a.purpose), followers = \(bind: a.followers),
                    credentials = \(bind: credentials), status = \(bind: a.status.rawValue),
                    updated_ms = \(bind: now.millisecondsSince1970)
                WHERE id = \(bind: id)
                """
            ).run()
            return true
        }
    }

    /// Removes the account from the inventory (its sealed credentials with it); false when there is none.
    public func delete(_ id: Int64) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM brand_accounts WHERE id = \(bind: id)").first() != nil else {
                return false
            }
            try await db.raw("DELETE FROM brand_accounts WHERE id = \(bind: id)").run()
            return true
        }
    }

    static func decode(_ row: any SQLRow) throws -> BrandAccount {
        let ms = { (c: String) throws -> Date? in
            try row.decode(column: c, as: Int64?.self).map(Date.init(milliseconds:))
        }
        return BrandAccount(
            id: try row.decode(column: "id", as: Int64.self),
            network: try row.decode(column: "network", as: String.self),
            handle: try row.decode(column: "handle", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            ownerID: try row.decode(column: "owner_id", as: Int64?.self),
            teamID: try row.decode(column: "team_id", as: Int64?.self),
            purpose: try row.decode(column: "purpose", as: String.self),
            followers: try row.decode(column: "followers", as: Int64?.self),
            status: BrandAccount.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .inventoryOnly,
            isDefault: try row.decode(column: "is_default", as: Int.self) != 0,
            hasCredentials: try row.decode(column: "credentials", as: String?.self) != nil,
            lastActivityAt: try ms("last_published_ms"),
            createdAt: try ms("created_ms") ?? Date(timeIntervalSince1970: 0),
            updatedAt: try ms("updated_ms") ?? Date(timeIntervalSince1970: 0))
    }
}
