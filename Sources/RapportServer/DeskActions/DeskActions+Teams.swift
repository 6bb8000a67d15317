import Foundation
import RapportDesk
import RapportStore

/// Teams: who is in them, how work is shared out, and their opening hours (admins).
extension DeskActions {
    /// A new team. `strategy` nil is round robin.
    struct NewTeam: Sendable {
        var name: String
        var strategy: String?
        var supervisorID: Int64?
        var members: [Int64]
    }

    func createTeam(_ input: NewTeam, by user: User) async throws -> Team {
        try Self.require(.admin, user)
        let name = try Self.name(input.name, what: "a team")
        let strategy = try input.strategy.map { value in
            guard let strategy = AssignmentStrategy(rawValue: value) else {
                throw DeskError.invalid(
                    "invalid_strategy", field: "strategy",
                    "strategy must be manual, round_robin, by_skill or least_loaded")
            }
            return strategy
        }
        try await checkUsers(input.members + (input.supervisorID.map { [$0] } ?? []))
        do {
            return try await desk.teams.create(
                name: name, strategy: strategy ?? .roundRobin, supervisorID: input.supervisorID,
                members: input.members)
        } catch StoreError.conflict(let message) {
            throw DeskError.conflict("duplicate_team", message)
        }
    }

    /// A team's opening hours: set, or cleared (around the clock).
    enum HoursChange: Sendable {
        case alwaysOpen
        case hours(BusinessHoursInput)
    }

    /// What changes on a team; nil fields stay.
    struct TeamUpdate: Sendable {
        var members: [Int64]?
        var hours: HoursChange?
    }

    /// Checks everything before writing anything, so refused input changes nothing.
    func updateTeam(_ id: Int64, _ update: TeamUpdate, by user: User) async throws {
        try Self.require(.admin, user)
        // nil: hours unchanged; .some(nil): around the clock.
        let hours: BusinessHours??
        switch update.hours {
        case .none: hours = .none
        case .some(.alwaysOpen): hours = .some(nil)
        case .some(.hours(let input)): hours = .some(try input.businessHours())
        }
        if let members = update.members { try await checkUsers(members) }
        guard try await desk.teams.all().contains(where: { $0.id.rawValue == id }) else {
            throw DeskError.notFound("team", id)
        }
        if let members = update.members {
            guard try await desk.teams.setMembers(members, teamID: id, by: user.id) else {
                throw DeskError.notFound("team", id)
            }
        }
        if let hours {
            guard try await desk.teams.setBusinessHours(hours, teamID: id, by: user.id) else {
                throw DeskError.notFound("team", id)
            }
        }
    }
}
