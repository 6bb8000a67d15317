import Foundation
import RapportStore

/// The team boundary: which conversations and customers a user may see and act on. Every read and action on
/// a conversation or a customer passes here first; outside the boundary answers 404, as if it did not exist.
extension DeskActions {
    /// The user's boundary (admins and analysts, and everyone while team scope is off: everything).
    func scope(for user: User) async throws -> ConversationScope {
        guard try await desk.teamBoundary.confines(user) else { return .all }
        return .teams(try await desk.teams.teamIDs(ofUser: user.id), userID: user.id)
    }

    /// The conversation's owners, or 404 when there is none or it is outside the user's boundary.
    @discardableResult
    func visibleConversation(_ id: Int64, for user: User) async throws -> ConversationOwnership {
        guard let owner = try await desk.conversations.ownership(id: id),
            try await scope(for: user).allows(teamID: owner.teamID, assigneeID: owner.assigneeID)
        else { throw DeskError.notFound("conversation", id) }
        return owner
    }

    /// 404 when the customer is outside the user's boundary (existence is checked by the read or action).
    func requireVisibleCustomer(_ id: Int64, for user: User) async throws {
        guard try await desk.customers.isVisible(customerID: id, scope: scope(for: user)) else {
            throw DeskError.notFound("customer", id)
        }
    }
}

extension DeskActions {
    /// Team scope as it stands: what applies, what an administrator stored, what the environment says.
    struct TeamScopeState: Sendable, Equatable, Codable {
        var enabled: Bool
        /// The administrators' setting; nil when the environment decides.
        var setting: Bool?
        /// `RAPPORT_TEAM_SCOPE`.
        var environment: Bool
    }

    func teamScopeState() async throws -> TeamScopeState {
        let setting = try await desk.teamBoundary.setting.override()
        let environment = desk.teamBoundary.enabledByDefault
        return TeamScopeState(enabled: setting ?? environment, setting: setting, environment: environment)
    }

    /// Turns team scope on or off for every instance (nil: follow `RAPPORT_TEAM_SCOPE` again). Admins only;
    /// audited as `settings.team_scope` with where it came from.
    func setTeamScope(_ enabled: Bool?, by user: User, from origin: String) async throws -> TeamScopeState {
        try Self.require(.admin, user)
        try await desk.teamBoundary.setting.setOverride(enabled, by: user.id, from: origin)
        return try await teamScopeState()
    }
}
