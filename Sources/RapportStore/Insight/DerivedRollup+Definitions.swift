import Foundation
import RapportDesk
import RapportInsight
import SQLKit

extension DerivedRollup {
    /// Conversations by the hour they were opened × network × team × agent (0: none): how many, answered,
    /// resolved, with an SLA and settled past it, and the first-response and resolution times as
    /// ``DurationHistogram`` bins (`fr_0`… and `rs_0`…). Read for per-agent figures under a network filter.
    static let conversations = service(
        hourly: "service_rollups_hourly", daily: "service_rollups_daily", keys: [networkKey, teamKey, agentKey])
    /// The same without the agent: overall and per-team figures (a few rows per day, not one per agent).
    static let conversationsByTeam = service(
        hourly: "service_team_rollups_hourly", daily: "service_team_rollups_daily", keys: [networkKey, teamKey])
    /// The same without the network: per-agent figures when no network is chosen.
    static let conversationsByAgent = service(
        hourly: "service_agent_rollups_hourly", daily: "service_agent_rollups_daily", keys: [teamKey, agentKey])
    /// Every service cube: each conversation change updates them all. Summing 70 histogram columns costs
    /// per row, so each question reads the narrowest cube that answers it.
    static let serviceCubes = [conversations, conversationsByTeam, conversationsByAgent]

    /// The statuses of conversations still waiting on someone: the backlog.
    static let waiting = ConversationStatus.allCases.filter { $0 != .resolved && $0 != .closed }.map(\.rawValue)

    private static let networkKey = Key(name: "network", expression: "network", isText: true)
    private static let teamKey = Key(name: "team_id", expression: "coalesce(team_id, 0)", isText: false)
    private static let agentKey = Key(name: "agent_id", expression: "coalesce(assignee_id, 0)", isText: false)

    private static func service(hourly: String, daily: String, keys: [Key]) -> DerivedRollup {
        DerivedRollup(
            journal: .conversations, hourly: hourly, daily: daily, timeColumn: "created_ms", keys: keys,
            measures: [
                Measure(name: "conversations", expression: "1"),
                Measure(name: "responded", expression: "CASE WHEN first_response_ms IS NULL THEN 0 ELSE 1 END"),
                Measure(name: "resolved", expression: "CASE WHEN resolved_ms IS NULL THEN 0 ELSE 1 END"),
                Measure(name: "with_sla", expression: "CASE WHEN sla_due_ms IS NULL THEN 0 ELSE 1 END"),
                // Settled (answered or resolved) after the deadline; unsettled ones are counted live, against now.
                Measure(
                    name: "sla_missed",
                    expression: "CASE WHEN sla_due_ms < coalesce(first_response_ms, resolved_ms) THEN 1 ELSE 0 END"),
                // Still waiting on someone (new, open, pending): the backlog by age (migration 19).
                Measure(
                    name: "active",
                    expression:
                        "CASE WHEN status IN (\(waiting.map { "'\($0)'" }.joined(separator: ", "))) THEN 1 ELSE 0 END"),
            ] + binMeasures(prefix: "fr", column: "first_response_ms")
                + binMeasures(prefix: "rs", column: "resolved_ms"),
            rowFilter: "1 = 1")
    }

    /// Answered surveys by the hour of the answer × network × team × agent (0: none), with one count per
    /// CSAT rating (`csat_1`…`csat_5`) and NPS score (`nps_0`…`nps_10`): a row per group and hour, not per
    /// score, so a month is a few thousand rows.
    static let surveys = DerivedRollup(
        journal: .surveys, hourly: "survey_rollups_hourly", daily: "survey_rollups_daily", timeColumn: "answered_ms",
        keys: [
            Key(name: "network", expression: "network", isText: true),
            Key(name: "team_id", expression: "coalesce(team_id, 0)", isText: false),
            Key(name: "agent_id", expression: "coalesce(agent_id, 0)", isText: false),
        ],
        measures: SurveyKind.allCases.flatMap { kind in
            kind.scores.map { score in
                Measure(
                    name: "\(kind.rawValue)_\(score)",
                    expression: "CASE WHEN kind = '\(kind.rawValue)' AND score = \(score) THEN 1 ELSE 0 END")
            }
        },
        rowFilter: "answered_ms IS NOT NULL AND score IS NOT NULL")

    /// One 0/1 measure per histogram bin of `column − created_ms` (NULL counts in none).
    static func binMeasures(prefix: String, column: String) -> [Measure] {
        (0..<DurationHistogram.binCount).map { bin in
            let (lower, upper) = DurationHistogram.range(ofBin: bin)
            var conditions = ["\(column) IS NOT NULL"]
            if bin > 0 { conditions.append("\(column) - created_ms >= \(Int64(lower * 1000))") }
            if bin < DurationHistogram.upperBounds.count {
                conditions.append("\(column) - created_ms < \(Int64(upper * 1000))")
            }
            return Measure(
                name: "\(prefix)_\(bin)",
                expression: "CASE WHEN \(conditions.joined(separator: " AND ")) THEN 1 ELSE 0 END")
        }
    }

    /// The histogram read back from summed bin measures.
    static func histogram(_ values: [String: Int], prefix: String) -> DurationHistogram {
        DurationHistogram(counts: (0..<DurationHistogram.binCount).map { values["\(prefix)_\($0)"] ?? 0 })
    }
}

extension [DerivedRollup] {
    /// Recomputes every rollup of the list from the source rows and empties their journals, whose changes the
    /// source rows already show. The list must hold every rollup of those journals (``DerivedRollup/all``'s
    /// share), and no writer may run meanwhile (migrations, seeds).
    func rebuild(_ db: any SQLDatabase) async throws {
        let journals = Set(map(\.journal.table))
        precondition(
            DerivedRollup.all.filter { journals.contains($0.journal.table) }.count == count,
            "a rebuild must cover every rollup of its journals")
        for journal in journals.sorted() { try await db.raw(SQLQueryString("DELETE FROM \(journal)")).run() }
        for rollup in self {
            for statement in rollup.rebuildStatements { try await db.raw(SQLQueryString(statement)).run() }
        }
    }
}
