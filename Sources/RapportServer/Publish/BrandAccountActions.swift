import Foundation
import RapportCore
import RapportDesk
import RapportPublish
import RapportStore

/// The inventory's use cases, shared by the API and the admin screen: admins add, change and remove brand
/// accounts (credentials sealed, every change audited); everyone the inventory concerns sees the flags.
struct BrandAccountActions: Sendable {
    let store: BrandAccountStore
    let users: UserStore
    let teams: TeamStore
    let rules: RuleStore
    let audit: AuditLog
    /// Nil without `RAPPORT_SECRET_KEY`: then no credentials can be stored.
    let sealer: CredentialSealer?
    let dormantDays: Int

    /// An account as the API and the screen show it: never its credentials.
    struct Entry: Sendable, Encodable, Equatable {
        var id: Int64
        var network: String
        var handle: String
        var name: String
        var ownerId: Int64?
        var teamId: Int64?
        var purpose: String
        var status: String
        var followers: Int64?
        var lastActivityAt: Date?
        var dormant: Bool
        var unowned: Bool
        var isDefault: Bool
        var hasCredentials: Bool
    }

    func list(now: Date = Date()) async throws -> [Entry] {
        try await store.all().map { a in
            Entry(
                id: a.id, network: a.network, handle: a.handle, name: a.name, ownerId: a.ownerID, teamId: a.teamID,
                purpose: a.purpose, status: a.status.rawValue, followers: a.followers, lastActivityAt: a.lastActivityAt,
                dormant: AccountGovernance.isDormant(lastActivity: a.lastActivityAt, now: now, days: dormantDays),
                unowned: a.ownerID == nil, isDefault: a.isDefault, hasCredentials: a.hasCredentials)
        }
    }

    struct NewAccount: Sendable {
        var network: String
        var handle: String
        var name: String?
        var ownerId: Int64?
        var teamId: Int64?
        var purpose: String?
        var followers: Int64?
        var credentials: BrandCredentials?
    }

    /// Adds an account (admins). Every field is checked before anything is stored.
    func add(_ input: NewAccount, by user: User, address: String?) async throws -> Int64 {
        try DeskActions.require(.admin, user)
        let network = input.network.lowercased()
        guard AccountGovernance.networks.contains(network) else {
            throw DeskError.invalid(
                "invalid_network", field: "network",
                "network must be one of \(AccountGovernance.networks.joined(separator: ", "))")
        }
        guard let handle = AccountGovernance.handle(input.handle) else {
            throw DeskError.invalid(
                "invalid_handle", field: "handle", "a handle is 1–100 letters, digits, _ . - or @ (user@instance)")
        }
        var account = BrandAccountStore.NewAccount(network: network, handle: handle)
        account.name = try text(input.name, field: "name", max: 200)
        account.purpose = try text(input.purpose, field: "purpose", max: 500)
        account.ownerID = try await owner(input.ownerId)
        account.teamID = try await team(input.teamId)
        account.followers = try followers(input.followers)
        account.sealedCredentials = try input.credentials.map { try seal($0, network: network) }
        let id: Int64
        do {
            id = try await store.create(account)
        } catch StoreError.conflict(let message) {
            throw DeskError(.conflict, "duplicate_account", message, field: "handle")
        }
        try await audit.record(
            userID: user.id, action: "brand_account.add", target: "brand_account:\(id)",
            detail: "\(network) @\(handle)" + (account.sealedCredentials != nil ? " with credentials" : ""),
            address: address)
        return id
    }

    struct Changes: Sendable {
        var name: String?
        var ownerId: Int64??
        var teamId: Int64??
        var purpose: String?
        var followers: Int64??
        /// `.some(nil)` removes the stored credentials.
        var credentials: BrandCredentials??
        var status: String?
    }

    func update(_ id: Int64, _ input: Changes, by user: User, address: String?) async throws {
        try DeskActions.require(.admin, user)
        guard let current = try await store.account(id) else { throw DeskError.notFound("brand account", id) }
        var changes = BrandAccountStore.Changes()
        if let name = input.name { changes.name = try text(name, field: "name", max: 200) }
        if let purpose = input.purpose { changes.purpose = try text(purpose, field: "purpose", max: 500) }
        if let owner = input.ownerId { changes.ownerID = .some(try await self.owner(owner)) }
        if let team = input.teamId { changes.teamID = .some(try await self.team(team)) }
        if let followers = input.followers { changes.followers = .some(try self.followers(followers)) }
        if let credentials = input.credentials {
            changes.sealedCredentials = .some(try credentials.map { try seal($0, network: current.network) })
        }
        if let raw = input.status {
            guard let status = BrandAccount.Status(rawValue: raw) else {
                throw DeskError.invalid(
                    "invalid_status", field: "status", "status is connected, needs_reconnect or inventory_only")
            }
            let hasCredentials =
                input.credentials.map { $0 != nil } ?? (current.hasCredentials || current.isDefault)
            if status != .inventoryOnly && !hasCredentials {
                throw DeskError.invalid(
                    "invalid_status", field: "status", "an account without credentials can only be inventory_only")
            }
            changes.status = status
        }
        guard try await store.update(id, changes) else { throw DeskError.notFound("brand account", id) }
        let fields = [
            input.name.map { _ in "name" }, input.purpose.map { _ in "purpose" }, input.ownerId.map { _ in "owner" },
            input.teamId.map { _ in "team" }, input.followers.map { _ in "followers" },
            input.credentials.map { $0 == nil ? "credentials removed" : "credentials" }, input.status,
        ].compactMap { $0 }
        try await audit.record(
            userID: user.id, action: "brand_account.update", target: "brand_account:\(id)",
            detail: fields.joined(separator: ", "), address: address)
    }

    func remove(_ id: Int64, by user: User, address: String?) async throws {
        try DeskActions.require(.admin, user)
        guard let account = try await store.account(id) else { throw DeskError.notFound("brand account", id) }
        guard try await store.delete(id) else { throw DeskError.notFound("brand account", id) }
        try await audit.record(
            userID: user.id, action: "brand_account.remove", target: "brand_account:\(id)",
            detail: "\(account.network) @\(account.handle)", address: address)
    }

    /// Handles carrying a brand's name (the listening rules' brands, competitors excluded) not in the inventory.
    func discovered(includeReviewed: Bool) async throws -> [DiscoveredHandle] {
        let brands = Array(Set(try await rules.all().filter { !$0.isCompetitor }.map(\.brand))).sorted()
        return try await store.discovered(brands: brands, includeReviewed: includeReviewed)
    }

    /// What an admin decides about a discovered handle: `add` (to the inventory, inventory only), `fan`,
    /// `partner` or `impersonator`. Audited.
    func review(
        network: String, handle rawHandle: String, decision: String, note: String?, by user: User,
        address: String?
    ) async throws -> Int64? {
        try DeskActions.require(.admin, user)
        guard ["add", "fan", "partner", "impersonator"].contains(decision) else {
            throw DeskError.invalid(
                "invalid_decision", field: "decision", "decision is add, fan, partner or impersonator")
        }
        guard AccountGovernance.networks.contains(network) else {
            throw DeskError.invalid("invalid_network", field: "network", "unknown network '\(network)'")
        }
        guard let handle = AccountGovernance.handle(rawHandle) else {
            throw DeskError.invalid("invalid_handle", field: "handle", "not a handle")
        }
        let note = try text(note, field: "note", max: 1_000)
        var added: Int64?
        if decision == "add" {
            added = try await add(
                NewAccount(network: network, handle: handle, purpose: note.isEmpty ? nil : note), by: user,
                address: address)
        }
        try await store.review(
            network: network, handle: handle, decision: decision == "add" ? "added" : decision, note: note,
            by: user.id)
        try await audit.record(
            userID: user.id, action: "brand_account.review", target: "\(network):@\(handle)", detail: decision,
            address: address)
        return added
    }

    // MARK: Checks

    private func text(_ value: String?, field: String, max: Int) throws -> String {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= max else {
            throw DeskError.invalid("invalid_\(field)", field: field, "\(field) holds at most \(max) characters")
        }
        return text
    }

    private func owner(_ id: Int64?) async throws -> Int64? {
        guard let id else { return nil }
        guard let user = try await users.user(id: id), !user.disabled else {
            throw DeskError.invalid("invalid_owner", field: "ownerId", "there is no active user \(id)")
        }
        return user.id
    }

    private func team(_ id: Int64?) async throws -> Int64? {
        guard let id else { return nil }
        guard try await teams.all().contains(where: { $0.id.rawValue == id }) else {
            throw DeskError.invalid("invalid_team", field: "teamId", "there is no team \(id)")
        }
        return id
    }

    private func followers(_ value: Int64?) throws -> Int64? {
        guard let value else { return nil }
        guard value >= 0 else {
            throw DeskError.invalid("invalid_followers", field: "followers", "followers cannot be negative")
        }
        return value
    }

    private func seal(_ credentials: BrandCredentials, network: String) throws -> String {
        if let problem = credentials.problem(for: network) {
            throw DeskError.invalid("invalid_credentials", field: problem.field, problem.message)
        }
        guard let sealer else {
            throw DeskError.invalid(
                "secret_key_missing", field: "credentials",
                "credentials cannot be stored: the server has no RAPPORT_SECRET_KEY")
        }
        return try sealer.seal(credentials)
    }
}
