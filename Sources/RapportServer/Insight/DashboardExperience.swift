import Foundation
import RapportCore
import RapportInsight
import RapportStore

extension Dashboard {
    /// CSAT and NPS answered in the period (by bucket, channel, team and agent, with response counts) and the
    /// customer's sentiment before vs after the first agent reply. Honors the period, `network` and `team`.
    struct Experience: Codable, Sendable {
        /// Scores of one group of answers.
        struct Scores: Codable, Sendable {
            var name: String
            /// Team or agent id, for drill-down links.
            var id: Int64?
            var csatResponses: Int
            /// Share of 4–5 ratings, in percent.
            var csat: Double?
            var csatAverage: Double?
            var npsResponses: Int
            /// −100…100.
            var nps: Double?
            /// 95 % margin of the NPS, in points.
            var npsMargin: Double?
        }

        struct Turnaround: Codable, Sendable {
            /// At most this many conversations are read, spread over the period (the newest of each twentieth).
            var sample: Int
            var measured: Int
            var meanBefore: Double?
            var meanAfter: Double?
            var startedNegative: Int
            var turnedAround: Int
            var turnedAroundShare: Double?
        }

        var team: Int64?
        var overall: Scores
        /// One entry per bucket of `Dashboard.bucketStarts`.
        var overTime: [Scores]
        var byChannel: [Scores]
        var byTeam: [Scores]
        var byAgent: [Scores]
        var sentiment: Turnaround
    }
}

extension DashboardBuilder {
    func experience(_ query: DashboardQuery, bucketStarts: [Date]) async throws -> Dashboard.Experience {
        let network = query.network?.rawValue
        // Survey answers come from the survey rollups: by hour for hourly charts, else by UTC day.
        async let answers = experienceStore.answerTallies(
            start: query.range.start, end: query.range.end, teamID: query.teamID, network: network,
            hoursOnly: query.granularity == .hour)
        // The turnaround is a mean over conversations: a few thousand spread over the period estimate it well and
        // keep the page's cost bounded (the page says how many were measured).
        async let pairs = experienceStore.turnaroundPairs(
            start: query.range.start, end: query.range.end, teamID: query.teamID, network: network,
            sample: Self.turnaroundSample)
        let tallies = try await answers
        var buckets = Array(repeating: [SurveyTally](), count: bucketStarts.count)
        for c in tallies.overTime {
            guard let at = c.bucket, let index = bucketStarts.lastIndex(where: { $0 <= at }) else { continue }
            buckets[index].append(c)
        }
        let turnaround = SentimentTurnaround(pairs: try await pairs)
        return Dashboard.Experience(
            team: query.teamID,
            overall: Self.scores("all", tallies.byNetwork),
            overTime: zip(bucketStarts, buckets).map { Self.scores(DashboardQuery.iso($0), $1) },
            byChannel: Self.grouped(tallies.byNetwork) { ($0.network ?? "", nil) },
            byTeam: Self.grouped(tallies.byTeam) { c -> (String, Int64?) in
                guard let id = c.teamID else { return ("no team", nil) }
                return (c.teamName ?? "team \(id)", id)
            },
            byAgent: Self.grouped(tallies.byAgent) { c -> (String, Int64?) in
                guard let id = c.agentID else { return ("no agent", nil) }
                return (c.agentName ?? "agent \(id)", id)
            },
            sentiment: .init(
                sample: Self.turnaroundSample, measured: turnaround.measured, meanBefore: turnaround.meanBefore,
                meanAfter: turnaround.meanAfter,
                startedNegative: turnaround.startedNegative, turnedAround: turnaround.turnedAround,
                turnedAroundShare: turnaround.turnedAroundShare))
    }

    /// Conversations read for the sentiment turnaround: the newest 100 opened in each twentieth of the period.
    static let turnaroundSample = 2_000

    static func scores(_ name: String, _ tallies: [SurveyTally], id: Int64? = nil) -> Dashboard.Experience.Scores {
        var ratings = Array(repeating: 0, count: 5)
        var categories: [NPSCategory: Int] = [:]
        for t in tallies {
            for (i, n) in t.csat.enumerated() { ratings[i] += n }
            for (score, n) in t.nps.enumerated() {
                if let category = NPSCategory(score: score) { categories[category, default: 0] += n }
            }
        }
        let csat = CSATScore(distribution: ratings)
        let nps = NPSScore(
            promoters: categories[.promoter] ?? 0, passives: categories[.passive] ?? 0,
            detractors: categories[.detractor] ?? 0)
        return .init(
            name: name, id: id, csatResponses: csat.total, csat: csat.score, csatAverage: csat.average,
            npsResponses: nps.total, nps: nps.score, npsMargin: nps.marginOfError95)
    }

    /// Groups by a (name, id) key, most answers first.
    static func grouped(_ tallies: [SurveyTally], by key: (SurveyTally) -> (String, Int64?))
        -> [Dashboard.Experience.Scores]
    {
        var groups: [String: (id: Int64?, rows: [SurveyTally], answers: Int)] = [:]
        for t in tallies {
            let (name, id) = key(t)
            groups[name, default: (id: id, rows: [], answers: 0)].rows.append(t)
            groups[name]?.answers += t.answers
        }
        return groups.sorted { ($1.value.answers, $0.key) < ($0.value.answers, $1.key) }.prefix(20).map {
            scores($0.key, $0.value.rows, id: $0.value.id)
        }
    }
}
