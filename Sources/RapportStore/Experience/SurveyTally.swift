import Foundation
import SQLKit

/// The survey answers of one group (network × team × agent, or one bucket of time), read from the survey
/// rollups (``DerivedRollup/surveys``) for the experience dashboards.
public struct SurveyTally: Sendable, Hashable {
    /// The rollup row's start (an hour, or a UTC day) for tallies over time.
    public var bucket: Date?
    public var network: String?
    public var teamID: Int64?
    public var teamName: String?
    public var agentID: Int64?
    public var agentName: String?
    /// Answers per CSAT rating: index 0 is rating 1, index 4 rating 5.
    public var csat: [Int]
    /// Answers per NPS score 0…10.
    public var nps: [Int]

    /// Answers of both kinds.
    public var answers: Int { csat.reduce(0, +) + nps.reduce(0, +) }
}

/// Survey answers of a period, by group and over time.
public struct SurveyTallies: Sendable, Hashable {
    /// One per network, team and agent that had answers (each list covers every answer once).
    public var byNetwork: [SurveyTally]
    public var byTeam: [SurveyTally]
    public var byAgent: [SurveyTally]
    /// One per rollup row start (hours, or UTC days) that had answers.
    public var overTime: [SurveyTally]
}

extension ExperienceStore {
    /// Answers in [start, end) (whole hours), optionally of one team or network, by group and over time; over
    /// time by hour when `hoursOnly`, else whole UTC days come from the daily rollups. Both are summed by the
    /// database, so the page reads a few hundred rows whatever the volume.
    public func answerTallies(start: Date, end: Date, teamID: Int64? = nil, network: String? = nil, hoursOnly: Bool)
        async throws -> SurveyTallies
    {
        let filters = DerivedRollup.filters(network: network, teamID: teamID)
        return try await database.read { db in
            let teams = try await Self.names(db, "SELECT id, name FROM teams")
            let agents = try await Self.names(db, "SELECT id, name FROM users")
            func tallies(_ groupBy: [String], bucketed: Bool) async throws -> [SurveyTally] {
                try await DerivedRollup.surveys.sums(
                    db, start: start, end: end, groupBy: groupBy, equal: filters, bucketed: bucketed,
                    hoursOnly: hoursOnly
                ).map { s in
                    let team = s.keys["team_id"].flatMap { Int64($0) }.flatMap { $0 == 0 ? nil : $0 }
                    let agent = s.keys["agent_id"].flatMap { Int64($0) }.flatMap { $0 == 0 ? nil : $0 }
                    return SurveyTally(
                        bucket: s.bucket.map { Date(milliseconds: $0) }, network: s.keys["network"], teamID: team,
                        teamName: team.flatMap { teams[$0] }, agentID: agent, agentName: agent.flatMap { agents[$0] },
                        csat: SurveyKind.csat.scores.map { s.values["csat_\($0)"] ?? 0 },
                        nps: SurveyKind.nps.scores.map { s.values["nps_\($0)"] ?? 0 })
                }.filter { $0.answers > 0 }
            }
            // One breakdown per statement: a few dozen rows each instead of one per network × team × agent.
            return SurveyTallies(
                byNetwork: try await tallies(["network"], bucketed: false),
                byTeam: try await tallies(["team_id"], bucketed: false),
                byAgent: try await tallies(["agent_id"], bucketed: false),
                overTime: try await tallies([], bucketed: true))
        }
    }

    /// id → name of a small table (teams, users).
    static func names(_ db: any SQLDatabase, _ sql: String) async throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try await db.raw(SQLQueryString(sql)).all() {
            names[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }
}
