import Foundation
import RapportDesk
import RapportInsight
import SQLKit

/// Reads `ServiceFigures`: sums of the service rollups, plus what depends on the present moment (deadlines
/// passing on unanswered conversations, the backlog's age), counted live over small indexed sets.
public struct ServiceFigureStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Figures for conversations opened in [start, end) (whole hours), of one network and team when given;
    /// the backlog is as of `now`, whatever its age.
    public func figures(start: Date, end: Date, network: String? = nil, teamID: Int64? = nil, now: Date = Date())
        async throws -> ServiceFigures
    {
        let filters = DerivedRollup.filters(network: network, teamID: teamID)
        return try await database.read { db in
            var teams: [Int64: ServiceFigures.Totals] = [:]
            var agents: [Int64: ServiceFigures.Totals] = [:]
            // The narrowest cube for each breakdown: per team without agents; per agent without networks
            // unless a network is chosen.
            for sums in try await DerivedRollup.conversationsByTeam.sums(
                db, start: start, end: end, groupBy: ["team_id"], equal: filters)
            {
                teams[Int64(sums.keys["team_id"] ?? "") ?? 0, default: .init()].add(Self.totals(sums))
            }
            let agentCube = network == nil ? DerivedRollup.conversationsByAgent : DerivedRollup.conversations
            for sums in try await agentCube.sums(db, start: start, end: end, groupBy: ["agent_id"], equal: filters) {
                agents[Int64(sums.keys["agent_id"] ?? "") ?? 0, default: .init()].add(Self.totals(sums))
            }
            // Deadlines that passed on conversations nobody has answered yet: not in the rollups, as they
            // depend on now.
            var overdue = SQLFragment(
                """
                SELECT coalesce(team_id, 0) AS team_id, coalesce(assignee_id, 0) AS agent_id, count(*) AS n
                FROM conversations WHERE created_ms >= ? AND created_ms < ? AND first_response_ms IS NULL
                    AND resolved_ms IS NULL AND sla_due_ms IS NOT NULL AND sla_due_ms < ?
                """,
                [start.millisecondsSince1970, end.millisecondsSince1970, now.millisecondsSince1970])
            if let network { overdue = overdue + SQLFragment(" AND network = ?", [network]) }
            if let teamID { overdue = overdue + SQLFragment(" AND team_id = ?", [teamID]) }
            overdue = overdue + SQLFragment(" GROUP BY coalesce(team_id, 0), coalesce(assignee_id, 0)")
            for row in try await db.raw(overdue.expression).all() {
                let n = Int(try row.decode(column: "n", as: Int64.self))
                teams[try row.decode(column: "team_id", as: Int64.self), default: .init()].slaBreached += n
                agents[try row.decode(column: "agent_id", as: Int64.self), default: .init()].slaBreached += n
            }
            var figures = ServiceFigures()
            for totals in teams.values { figures.overall.add(totals) }
            let teamNames = try await ExperienceStore.names(db, "SELECT id, name FROM teams")
            let agentNames = try await ExperienceStore.names(db, "SELECT id, name FROM users")
            figures.byTeam = Self.groups(teams, names: teamNames, none: "no team")
            figures.byAgent = Self.groups(agents, names: agentNames, none: "unassigned")
            figures.backlogByAge = try await Self.backlog(db, network: network, teamID: teamID, now: now)
            return figures
        }
    }

    private static func totals(_ sums: DerivedRollup.Sums) -> ServiceFigures.Totals {
        var totals = ServiceFigures.Totals()
        totals.conversations = sums.values["conversations"] ?? 0
        totals.responded = sums.values["responded"] ?? 0
        totals.resolved = sums.values["resolved"] ?? 0
        totals.withSLA = sums.values["with_sla"] ?? 0
        totals.slaBreached = sums.values["sla_missed"] ?? 0
        totals.firstResponse = DerivedRollup.histogram(sums.values, prefix: "fr")
        totals.resolution = DerivedRollup.histogram(sums.values, prefix: "rs")
        return totals
    }

    private static func groups(_ totals: [Int64: ServiceFigures.Totals], names: [Int64: String], none: String)
        -> [ServiceFigures.Group]
    {
        totals.filter { $0.value.conversations > 0 }.map { id, t in
            ServiceFigures.Group(name: id == 0 ? none : names[id] ?? "#\(id)", id: id == 0 ? nil : id, totals: t)
        }.sorted { ($1.totals.conversations, $0.name) < ($0.totals.conversations, $1.name) }
    }

    /// Open conversations (new, open, pending) by age band as of `now`. Hours wholly inside one band are read
    /// from the service rollups' `active` count (before the oldest band edge's hour, all in the last band; the
    /// current hour and later ones, in the first); only the hours a band edge falls in are counted over the rows.
    private static func backlog(_ db: any SQLDatabase, network: String?, teamID: Int64?, now: Date) async throws
        -> [String: Int]
    {
        let bands = ServiceFigures.ageBands
        let nowMS = now.millisecondsSince1970
        let hour: Int64 = 3_600_000
        func hourStart(_ ms: Int64) -> Int64 { ms - ((ms % hour) + hour) % hour }
        // Created at or before an edge (now − a band's upper bound) is older than that band.
        let edges = bands.compactMap { $0.upTo.isFinite ? nowMS - Int64($0.upTo * 1000) : nil }
        let split = Set(edges.map(hourStart))
        let recent = split.min() ?? hourStart(nowMS)
        func band(created: Int64) -> Int {
            let age = Double(nowMS - created) / 1000
            return bands.firstIndex { age < $0.upTo } ?? bands.count - 1
        }
        var counts = [Int](repeating: 0, count: bands.count)
        let cube = DerivedRollup.conversationsByTeam
        let filters = DerivedRollup.filters(network: network, teamID: teamID)
        let older = try await cube.sums(
            db, start: Date(milliseconds: 0), end: Date(milliseconds: recent), groupBy: [], equal: filters)
        counts[bands.count - 1] += older.first?.values["active"] ?? 0
        // Through the hours ahead too: a clock running ahead counts as just created, as in the first band.
        for sums in try await cube.sums(
            db, start: Date(milliseconds: recent), end: .distantFuture, groupBy: [], equal: filters, bucketed: true,
            hoursOnly: true)
        {
            guard let bucket = sums.bucket, !split.contains(bucket) else { continue }
            counts[band(created: bucket)] += sums.values["active"] ?? 0
        }
        let live = try await liveBacklog(db, hours: split.sorted(), network: network, teamID: teamID, now: nowMS)
        for index in counts.indices { counts[index] += live[index] }
        return Dictionary(uniqueKeysWithValues: zip(bands.map(\.name), counts))
    }

    /// Open conversations created in one of `hours`, by age band, counted over the rows: one index range per
    /// hour (as one condition with `OR`, PostgreSQL scanned every open conversation).
    private static func liveBacklog(
        _ db: any SQLDatabase, hours: [Int64], network: String?, teamID: Int64?, now nowMS: Int64
    ) async throws -> [Int] {
        let open = DerivedRollup.waiting
        var lower: Int64 = 0
        var columns: [String] = []
        for (index, band) in ServiceFigures.ageBands.enumerated() {
            let upper = band.upTo.isFinite ? Int64(band.upTo * 1000) : nil
            // Age in [lower, upper) ⇔ created in (now − upper, now − lower].
            var conditions = lower == 0 ? [] : ["created_ms <= \(nowMS - lower)"]
            if let upper { conditions.append("created_ms > \(nowMS - upper)") }
            let condition = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
            columns.append("CAST(sum(CASE WHEN \(condition) THEN 1 ELSE 0 END) AS BIGINT) AS b\(index)")
            lower = upper ?? lower
        }
        let spans = hours.map { start in
            var span = SQLFragment(
                "SELECT created_ms FROM conversations WHERE status IN (" + SQLFragment.placeholders(open.count)
                    + ") AND created_ms >= ? AND created_ms < ?",
                open + [start, start + 3_600_000])
            if let network { span = span + SQLFragment(" AND network = ?", [network]) }
            if let teamID { span = span + SQLFragment(" AND team_id = ?", [teamID]) }
            return span
        }
        let sql =
            SQLFragment("SELECT \(columns.joined(separator: ", ")) FROM (")
            + SQLFragment.join(spans, separator: " UNION ALL ") + SQLFragment(") c")
        let row = try await db.raw(sql.expression).first()
        return try ServiceFigures.ageBands.indices.map {
            Int(try row?.decode(column: "b\($0)", as: Int64?.self) ?? 0)
        }
    }
}
