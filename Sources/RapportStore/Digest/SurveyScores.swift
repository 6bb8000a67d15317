import Foundation
import SQLKit

/// Survey answers of a period: CSAT (1–5, satisfied = 4 or 5) and NPS (0–10, promoters minus detractors).
public struct SurveyScores: Sendable, Hashable, Codable {
    public var csatAnswers: Int
    /// Share of CSAT answers at 4 or 5; nil without answers.
    public var csatSatisfied: Double?
    public var npsAnswers: Int
    /// Promoters' share minus detractors' share, × 100; nil without answers.
    public var nps: Double?

    public init(csatAnswers: Int, csatSatisfied: Double?, npsAnswers: Int, nps: Double?) {
        self.csatAnswers = csatAnswers
        self.csatSatisfied = csatSatisfied
        self.npsAnswers = npsAnswers
        self.nps = nps
    }

    /// The answers given in [start, end).
    public static func load(_ database: Database, start: Date, end: Date) async throws -> SurveyScores {
        try await database.read { db in
            let rows = try await db.raw(
                """
                SELECT kind, score, count(*) AS n FROM surveys
                WHERE answered_ms >= \(bind: start.millisecondsSince1970)
                    AND answered_ms < \(bind: end.millisecondsSince1970) AND score IS NOT NULL
                GROUP BY kind, score
                """
            ).all()
            var csat = (total: 0, satisfied: 0)
            var nps = (total: 0, promoters: 0, detractors: 0)
            for row in rows {
                let kind = try row.decode(column: "kind", as: String.self)
                let score = try row.decode(column: "score", as: Int.self)
                let n = try row.decode(column: "n", as: Int.self)
                if kind == "csat" {
                    csat.total += n
                    if score >= 4 { csat.satisfied += n }
                } else if kind == "nps" {
                    nps.total += n
                    if score >= 9 { nps.promoters += n }
                    if score <= 6 { nps.detractors += n }
                }
            }
            return SurveyScores(
                csatAnswers: csat.total,
                csatSatisfied: csat.total == 0 ? nil : Double(csat.satisfied) / Double(csat.total),
                npsAnswers: nps.total,
                nps: nps.total == 0 ? nil : 100 * Double(nps.promoters - nps.detractors) / Double(nps.total))
        }
    }
}
