import Foundation
import RapportDesk
import SQLKit

/// Teams and their members; routing reads them through `DeskDirectory`.
public struct TeamStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(
        name: String, strategy: AssignmentStrategy = .roundRobin, supervisorID: Int64? = nil, members: [Int64] = []
    ) async throws -> Team {
        try await database.transaction { db in
            if try await db.raw("SELECT id FROM teams WHERE name = \(bind: name)").first() != nil {
                throw StoreError.conflict("a team named '\(name)' already exists")
            }
            let row = try await db.raw(
                """
                INSERT INTO teams (name, strategy, supervisor_id) VALUES (\(bind: name), \(bind: strategy.rawValue),
                    \(bind: supervisorID)) RETURNING id
                """
            ).first()
            guard let row else { throw StoreError.notFound("inserted team") }
            let id = try row.decode(column: "id", as: Int64.self)
            for member in members {
                try await db.raw("INSERT INTO team_members (team_id, user_id) VALUES (\(bind: id), \(bind: member))")
                    .run()
            }
            return Team(
                id: TeamID(id), name: name, members: members.map { AgentID($0) }, strategy: strategy,
                supervisor: supervisorID.map { AgentID($0) })
        }
    }

    /// The teams `userID` belongs to or supervises (their team boundary when team scope is on).
    public func teamIDs(ofUser userID: Int64) async throws -> Set<Int64> {
        try await database.read { db in
            Set(
                try await db.raw(
                    """
                    SELECT team_id FROM team_members WHERE user_id = \(bind: userID)
                    UNION SELECT id AS team_id FROM teams WHERE supervisor_id = \(bind: userID)
                    """
                ).all().map { try $0.decode(column: "team_id", as: Int64.self) })
        }
    }

    public func all() async throws -> [Team] {
        try await database.read { db in Array(try await DeskDirectory.load(db).teams.values) }
            .sorted { $0.name < $1.name }
    }

    /// Replaces a team's members; false when there is no such team.
    public func setMembers(_ members: [Int64], teamID: Int64, by userID: Int64?) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM teams WHERE id = \(bind: teamID)").first() != nil else {
                return false
            }
            try await db.raw("DELETE FROM team_members WHERE team_id = \(bind: teamID)").run()
            for member in Set(members) {
                try await db.raw(
                    "INSERT INTO team_members (team_id, user_id) VALUES (\(bind: teamID), \(bind: member))"
                ).run()
            }
            try await AuditLog.record(
                db, userID: userID, action: "team.members", target: "team:\(teamID)",
                detail: members.map(String.init).joined(separator: ","))
            return true
        }
    }

    /// Sets (or clears) a team's business hours and holidays; SLA clocks of its conversations count
    /// only open hours from then on. False when there is no such team.
    public func setBusinessHours(_ hours: BusinessHours?, teamID: Int64, by userID: Int64?) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM teams WHERE id = \(bind: teamID)").first() != nil else {
                return false
            }
            let json = try hours.map { try DeskCoding.encode($0) }
            try await db.raw("UPDATE teams SET business_hours = \(bind: json) WHERE id = \(bind: teamID)").run()
            try await AuditLog.record(
                db, userID: userID, action: "team.hours", target: "team:\(teamID)",
                detail: hours?.timeZoneIdentifier ?? "24/7")
            return true
        }
    }
}
