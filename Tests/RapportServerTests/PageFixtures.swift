import Foundation
import RapportCore
import RapportIngest
import RapportInsight
import RapportStore

@testable import RapportServer

/// Fixed figures for the page snapshots: every section of the dashboard and the revenue page filled, with
/// hostile text where the public writes, optional figures both present and absent, and a fixed clock.
enum PageFixtures {
    /// 2026-03-02 00:00:00 UTC, a Monday.
    static let start = Date(timeIntervalSince1970: 1_772_409_600)
    static let days = 4
    static let end = start.addingTimeInterval(Double(days) * 86_400)

    static func day(_ n: Int) -> Date { start.addingTimeInterval(Double(n) * 86_400) }

    /// A custom 4-day period on X, one rule and one team selected.
    static let query = DashboardQuery(
        rangeName: "custom", range: TimeRange(start: start, end: end), ruleID: 2, brand: nil, network: .x,
        teamID: 7)

    static let rules: [(id: Int64, name: String, brand: String)] = [
        (1, "acme", "acme"), (2, "globex-<b>", #"<script>alert("x")</script>"#), (3, "acme-care", "acme"),
    ]

    static let teams: [(id: Int64, name: String)] = [(7, "Care & <Billing>"), (8, "Rapid response")]

    static func dashboard() -> Dashboard {
        Dashboard(
            period: .init(name: "custom", start: start, end: end, granularity: "day"),
            selection: .init(rule: 2, brand: nil, network: "x"), total: 1_234,
            bucketStarts: (0..<days).map(day),
            volumeByNetwork: [
                .init(name: "x", values: [120, 340, 90, 410]), .init(name: "Other", values: [3, 0, 7, 1]),
            ],
            sentiment: [
                .init(name: "positive", values: [40, 100, 30, 90]), .init(name: "neutral", values: [60, 140, 40, 200]),
                .init(name: "negative", values: [20, 100, 27, 121]), .init(name: "unknown", values: [3, 0, 0, 0]),
            ],
            shareOfVoice: [
                .init(brand: "acme", competitor: false, count: 700, share: 0.567, ruleID: nil),
                .init(brand: #"<script>alert("x")</script>"#, competitor: true, count: 534, share: 0.433, ruleID: 2),
            ],
            funnel: [
                .init(name: "all", count: 1_234), .init(name: "relevant", count: 800),
                .init(name: "attention", count: 120), .init(name: "urgent", count: 9),
            ],
            languages: [.init(name: "en", count: 1_100), .init(name: "unknown", count: 134)],
            sampledMentions: 500,
            topTopics: [.init(name: "outage", count: 80), .init(name: "billing & <refunds>", count: 35)],
            trendingTerms: [
                .init(term: "no signal", count: 42, ratio: 6.25), .init(term: "\"5g\"", count: 9, ratio: 3),
            ],
            advocates: [
                .init(
                    network: "x", handle: "happy_<b>", followers: 12_000, influence: 71, positive: 9, negative: 0,
                    mentions: 9)
            ],
            detractors: [
                .init(
                    network: "x", handle: "angry", followers: 310, influence: 22, positive: 0, negative: 5, mentions: 5)
            ],
            service: .init(
                conversations: 87, responded: 80, responseRate: 0.9195, firstResponseMedianSeconds: 95,
                firstResponseP90Seconds: 3_000, resolutionMedianSeconds: 20_000, resolutionP90Seconds: 400_000,
                withSLA: 60, slaBreached: 4, slaCompliance: 0.9333,
                backlogByAge: [.init(name: "< 1 h", count: 3), .init(name: "1–24 h", count: 5)], resolved: 70,
                byTeam: [
                    .init(
                        name: "Care & <Billing>", id: 7, conversations: 60, responded: 58, resolved: 50,
                        responseRate: 0.9667, firstResponseMedianSeconds: 80, firstResponseP90Seconds: 1_200,
                        resolutionMedianSeconds: 9_000, slaCompliance: 0.95),
                    .init(
                        name: "no team", id: nil, conversations: 27, responded: 22, resolved: 20, responseRate: 0.8148,
                        firstResponseMedianSeconds: nil, firstResponseP90Seconds: nil, resolutionMedianSeconds: nil,
                        slaCompliance: nil),
                ],
                byAgent: [
                    .init(
                        name: "Ana", id: 11, conversations: 40, responded: 40, resolved: 35, responseRate: 1,
                        firstResponseMedianSeconds: 60, firstResponseP90Seconds: 600, resolutionMedianSeconds: 7_000,
                        slaCompliance: 1)
                ]),
            experience: experience(), alerts: alerts())
    }

    /// A dashboard with nothing in its period: empty lists and every optional figure absent.
    static func emptyDashboard() -> Dashboard {
        let none = Dashboard.Experience.Scores(
            name: "all", id: nil, csatResponses: 0, csat: nil, csatAverage: nil, npsResponses: 0, nps: nil,
            npsMargin: nil)
        return Dashboard(
            period: .init(name: "24h", start: start, end: start.addingTimeInterval(86_400), granularity: "hour"),
            selection: .init(rule: nil, brand: nil, network: nil), total: 0, bucketStarts: [], volumeByNetwork: [],
            sentiment: [], shareOfVoice: [], funnel: [], languages: [], sampledMentions: 0, topTopics: [],
            trendingTerms: [], advocates: [], detractors: [],
            service: .init(
                conversations: 0, responded: 0, responseRate: nil, firstResponseMedianSeconds: nil,
                firstResponseP90Seconds: nil, resolutionMedianSeconds: nil, resolutionP90Seconds: nil, withSLA: 0,
                slaBreached: 0, slaCompliance: nil, backlogByAge: [], resolved: 0, byTeam: [], byAgent: []),
            experience: .init(
                team: nil, overall: none, overTime: [], byChannel: [], byTeam: [], byAgent: [],
                sentiment: .init(
                    sample: 2_000, measured: 0, meanBefore: nil, meanAfter: nil, startedNegative: 0, turnedAround: 0,
                    turnedAroundShare: nil)),
            alerts: [])
    }

    static let emptyQuery = DashboardQuery(
        rangeName: "24h", range: TimeRange(start: start, end: start.addingTimeInterval(86_400)), ruleID: nil,
        brand: nil, network: nil, teamID: nil)

    static func experience() -> Dashboard.Experience {
        typealias Scores = Dashboard.Experience.Scores
        func scores(_ name: String, id: Int64? = nil, _ csat: Double?, _ nps: Double?) -> Scores {
            Scores(
                name: name, id: id, csatResponses: csat == nil ? 0 : 25, csat: csat, csatAverage: csat.map { $0 / 25 },
                npsResponses: nps == nil ? 0 : 30, nps: nps, npsMargin: nps.map { _ in 17.4 })
        }
        return .init(
            team: 7, overall: scores("all", 82.5, 31),
            overTime: [scores("d0", 80, 20), scores("d1", nil, nil), scores("d2", 90, -12.5), scores("d3", 75, 40)],
            byChannel: [scores("x", 82.5, 31)],
            byTeam: [scores("Care & <Billing>", id: 7, 85, 35), scores("no team", 60, nil)],
            byAgent: [scores("Ana", id: 11, 100, 50)],
            sentiment: .init(
                sample: 2_000, measured: 40, meanBefore: -0.31, meanAfter: 0.12, startedNegative: 18, turnedAround: 11,
                turnedAroundShare: 11.0 / 18))
    }

    static func alerts() -> [AlertPayload] {
        let rules: [Int64: ListeningRule] = [2: ListeningRule(id: 2, name: "globex-<b>", brand: "globex", isCompetitor: true, query: "globex")]
        return [
            alert(id: 5, status: .open, episode: "open", ruleID: 2, topic: nil, assignee: nil, posts: true),
            alert(
                id: 4, status: .acknowledged, episode: "closed", ruleID: nil, topic: "outage", assignee: 11,
                posts: false),
            alert(id: 3, status: .resolved, episode: "closed", ruleID: 2, topic: nil, assignee: nil, posts: false),
        ].map { AlertPayload($0, rules: rules) }
    }

    static func alert(
        id: Int64, status: AlertState, episode: String, ruleID: Int64?, topic: String?, assignee: Int64?, posts: Bool
    ) -> StoredAlert {
        let evidence = AlertEvidence(
            windowSeconds: 1_800, observedCount: 64, expectedCount: 7.5, observedRate: 128, expectedRate: 15,
            negativeCount: 40, negativeShare: 0.625, baselineNegativeShare: 0.2, pValue: 1e-9, threshold: 1e-6,
            seasonalBaseline: true, peakRatio: 8.5)
        let record = AlertEvidenceRecord(
            evidence,
            topPosts: posts
                ? [
                    .init(
                        mentionID: 900, network: "x", externalID: "p1", url: "https://x.com/a/status/1",
                        author: "loud_<i>", followers: 50_000, text: "Down again <script>alert(1)</script> & no word",
                        engagement: 320),
                    .init(
                        mentionID: nil, network: "x", externalID: "p2", url: "javascript:alert(1)", author: "quiet",
                        followers: 20, text: "same here", engagement: 3),
                ] : [],
            topAuthors: posts ? [.init(network: "x", handle: "loud_<i>", followers: 50_000, posts: 4)] : [],
            trendingTerms: posts ? ["outage", "<b>down</b>"] : [])
        return StoredAlert(
            id: id, detectorID: "volume", kind: "volume_spike", seriesKey: ruleID.map { "rule:\($0)" } ?? "topic:x",
            ruleID: ruleID, topic: topic, startedAt: day(3).addingTimeInterval(3_600),
            detectedAt: day(3).addingTimeInterval(5_400), updatedAt: day(3).addingTimeInterval(7_200),
            endedAt: episode == "closed" ? day(3).addingTimeInterval(9_000) : nil, episode: episode, status: status,
            assigneeID: assignee, evidence: record)
    }

    /// 60 customers answer NPS and CSAT on the first day; promoters and the satisfied spend more, 10 days later.
    static func revenue(windowDays: Int = 30, customers: Int = 60) -> RevenueBuilder.Report {
        let npsScores = [10, 9, 8, 7, 5, 2]
        let csatScores = [5, 4, 3, 2, 1, 5]
        var nps: [SatisfactionRevenue.Observation] = []
        var csat: [SatisfactionRevenue.Observation] = []
        var sentiment: [SatisfactionRevenue.Observation] = []
        var purchases: [SatisfactionRevenue.Purchase] = []
        for i in 0..<customers {
            let id = Int64(i + 1)
            let score = npsScores[i % 6]
            nps.append(.init(customerID: id, at: start, value: Double(score)))
            csat.append(.init(customerID: id, at: start, value: Double(csatScores[i % 6])))
            sentiment.append(.init(customerID: id, at: start, value: Double(score - 5) / 5))
            let wobble = Double(i % 5) - 2
            let amount = score >= 9 ? 100 + wobble : (score >= 7 ? 60 + wobble : (i % 4 == 0 ? 0 : 20 + wobble))
            if amount > 0 { purchases.append(.init(customerID: id, at: day(10), amount: amount)) }
        }
        let now = day(100)
        let figures = SatisfactionRevenue(
            nps: nps, csat: csat, sentimentAfter: sentiment, purchases: purchases, windowDays: windowDays, now: now)
        return RevenueBuilder.Report(
            windowDays: windowDays, from: now.addingTimeInterval(-Double(RevenueBuilder.lookbackDays) * 86_400),
            to: now, method: RevenueBuilder.method, limits: SatisfactionRevenue.limits, figures: figures)
    }

    static let users = [
        User(id: 11, email: "ana@example.com", name: "Ana <A>", role: .agent),
        User(id: 12, email: "bo@example.com", name: "Bo", role: .supervisor),
    ]

    static let timelines: [Int64: [AlertTimelineEntry]] = [
        5: [
            .init(at: day(3).addingTimeInterval(5_400), userID: nil, change: "opened", detail: ""),
            .init(at: day(3).addingTimeInterval(6_000), userID: nil, change: "updated", detail: "64 posts"),
            .init(at: day(3).addingTimeInterval(6_600), userID: 12, change: "assigned", detail: "user 11"),
            .init(at: day(3).addingTimeInterval(6_700), userID: 99, change: "assigned", detail: ""),
        ],
        4: [.init(at: day(3).addingTimeInterval(7_000), userID: 11, change: "acknowledged", detail: "")],
    ]
}
