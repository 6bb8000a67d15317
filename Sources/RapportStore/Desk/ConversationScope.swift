import Foundation

/// Which conversations a user may see and act on, and so which customers: the team boundary.
///
/// With team scope on (`RAPPORT_TEAM_SCOPE=on` or the administrators' setting), agents and supervisors
/// are confined to their teams' conversations plus those assigned to them; a conversation with no team
/// belongs to nobody's teams. A customer is visible when one of their conversations is. Admins and
/// analysts, and everyone while team scope is off, see all (`.all`).
public enum ConversationScope: Sendable, Hashable {
    case all
    /// The conversations of `teams`, and any assigned to `userID`.
    case teams(Set<Int64>, userID: Int64)

    /// Whether a user of `role` is confined to their teams while team scope is on (agents and supervisors).
    public static func confines(_ role: Role) -> Bool { role == .agent || role == .supervisor }

    /// Whether a conversation of `teamID`, assigned to `assigneeID`, is inside the scope.
    public func allows(teamID: Int64?, assigneeID: Int64?) -> Bool {
        switch self {
        case .all: return true
        case .teams(let teams, let userID):
            if let assigneeID, assigneeID == userID { return true }
            return teamID.map(teams.contains) ?? false
        }
    }

    /// The SQL condition on the conversations table aliased `alias` (`c`); nil when nothing is excluded.
    func condition(alias: String) -> SQLFragment? {
        switch self {
        case .all: return nil
        case .teams(let teams, let userID):
            let ids = teams.sorted()
            guard !ids.isEmpty else { return SQLFragment("\(alias).assignee_id = ?", [userID]) }
            return SQLFragment(
                "(\(alias).team_id IN (\(SQLFragment.placeholders(ids.count))) OR \(alias).assignee_id = ?)",
                ids + [userID])
        }
    }
}

/// What decides whether a conversation is inside a `ConversationScope`.
public struct ConversationOwnership: Sendable, Hashable {
    public var customerID: Int64
    public var teamID: Int64?
    public var assigneeID: Int64?
}
