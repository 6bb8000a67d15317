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
        async let answers = experienceStore.responses(
            SurveyResponseFilter(
                start: query.range.start, end: query.range.end, teamID: query.teamID, network: network))
        async let traces = experienceStore.sentimentTraces(
            start: query.range.start, end: query.range.end, teamID: query.teamID, network: network)
        let responses = try await answers
        var buckets = Array(repeating: [SurveyResponse](), count: bucketStarts.count)
        for r in responses {
            guard let index = bucketStarts.lastIndex(where: { $0 <= r.answeredAt }) else { continue }
            buckets[index].append(r)
        }
        let turnaround = SentimentTurnaround(
            try await traces.map { t in
                SentimentTurnaround.Conversation(
                    firstReplyAt: t.firstAgentReplyAt,
                    scores: t.customerMessages.map { .init(at: $0.at, value: $0.score) })
            })
        return Dashboard.Experience(
            team: query.teamID,
            overall: Self.scores("all", responses),
            overTime: zip(bucketStarts, buckets).map { Self.scores(DashboardQuery.iso($0), $1) },
            byChannel: Self.grouped(responses) { ($0.network, nil) },
            byTeam: Self.grouped(responses) { r -> (String, Int64?) in
                guard let id = r.teamID else { return ("no team", nil) }
                return (r.teamName ?? "team \(id)", id)
            },
            byAgent: Self.grouped(responses) { r -> (String, Int64?) in
                guard let id = r.agentID else { return ("no agent", nil) }
                return (r.agentName ?? "agent \(id)", id)
            },
            sentiment: .init(
                measured: turnaround.measured, meanBefore: turnaround.meanBefore, meanAfter: turnaround.meanAfter,
                startedNegative: turnaround.startedNegative, turnedAround: turnaround.turnedAround,
                turnedAroundShare: turnaround.turnedAroundShare))
    }

    static func scores(_ name: String, _ responses: [SurveyResponse], id: Int64? = nil) -> Dashboard.Experience.Scores {
        let csat = CSATScore(ratings: responses.filter { $0.kind == .csat }.map(\.score))
        let nps = NPSScore(scores: responses.filter { $0.kind == .nps }.map(\.score))
        return .init(
            name: name, id: id, csatResponses: csat.total, csat: csat.score, csatAverage: csat.average,
            npsResponses: nps.total, nps: nps.score, npsMargin: nps.marginOfError95)
    }

    /// Groups by a (name, id) key, largest groups first.
    static func grouped(_ responses: [SurveyResponse], by key: (SurveyResponse) -> (String, Int64?))
        -> [Dashboard.Experience.Scores]
    {
        var groups: [String: (id: Int64?, rows: [SurveyResponse])] = [:]
        for r in responses {
            let (name, id) = key(r)
            groups[name, default: (id: id, rows: [])].rows.append(r)
        }
        return groups.sorted { ($1.value.rows.count, $0.key) < ($0.value.rows.count, $1.key) }.prefix(20).map {
            scores($0.key, $0.value.rows, id: $0.value.id)
        }
    }
}
