import Foundation
import RapportCore
import RapportInsight

extension DashboardPage {
    /// The Experience section: CSAT and NPS per bucket, by channel, team and agent, with response counts;
    /// every point and bar links to the survey answers behind it (`/surveys`).
    static func experienceView(_ d: Dashboard, _ query: DashboardQuery, teams: [(id: Int64, name: String)])
        -> [String: Any]
    {
        let e = d.experience
        let granularity = Granularity(rawValue: d.period.granularity)!
        func surveysLink(_ extra: [(String, String)], start: Date? = nil, end: Date? = nil) -> String {
            var pairs: [(String, String)] = [
                ("since", DashboardQuery.iso(start ?? d.period.start)),
                ("until", DashboardQuery.iso(end ?? d.period.end)),
            ]
            if let team = query.teamID { pairs.append(("team", String(team))) }
            if let network = query.network { pairs.append(("network", network.rawValue)) }
            return DashboardQuery.link("/surveys", pairs + extra)
        }
        let options = ChartOptions(width: 640)
        let labels = d.bucketStarts.map { ChartLabel.date($0) }
        func bucketLinks(_ kind: String) -> [String?] {
            d.bucketStarts.map { surveysLink([("kind", kind)], start: $0, end: granularity.nextBucket(after: $0)) }
        }
        let overTime = LineChart(
            data: ChartData(
                title: "CSAT (% satisfied) and NPS per \(d.period.granularity)", labels: labels,
                series: [
                    ChartSeries(name: "CSAT %", values: e.overTime.map(\.csat), links: bucketLinks("csat")),
                    ChartSeries(name: "NPS", values: e.overTime.map(\.nps), links: bucketLinks("nps")),
                ]), options: options
        ).render()
        let responses = StackedBarChart(
            data: ChartData(
                title: "Survey answers per \(d.period.granularity)", labels: labels,
                series: [
                    ChartSeries(
                        name: "CSAT answers", values: e.overTime.map { Double($0.csatResponses) },
                        links: bucketLinks("csat")),
                    ChartSeries(
                        name: "NPS answers", values: e.overTime.map { Double($0.npsResponses) },
                        links: bucketLinks("nps")),
                ]), options: options
        ).render()
        func breakdown(_ title: String, _ groups: [Dashboard.Experience.Scores], parameter: String?) -> String {
            func link(_ g: Dashboard.Experience.Scores, _ kind: String) -> String? {
                guard let parameter else { return surveysLink([("kind", kind), ("network", g.name)]) }
                guard let id = g.id else { return nil }
                return surveysLink([("kind", kind), (parameter, String(id))])
            }
            return BarChart(
                data: ChartData(
                    title: title, labels: groups.map { .text($0.name) },
                    series: [
                        ChartSeries(name: "CSAT %", values: groups.map(\.csat), links: groups.map { link($0, "csat") }),
                        ChartSeries(name: "NPS", values: groups.map(\.nps), links: groups.map { link($0, "nps") }),
                    ]), options: options
            ).render()
        }
        func rows(_ groups: [Dashboard.Experience.Scores], parameter: String?) -> [[String: Any]] {
            groups.map { g in
                var extra: [(String, String)] = []
                if let parameter {
                    if let id = g.id { extra.append((parameter, String(id))) }
                } else {
                    extra.append(("network", g.name))
                }
                var row: [String: Any] = [
                    "name": g.name, "csat": g.csat.map { String(format: "%.1f%%", $0) } ?? "–",
                    "csatAverage": g.csatAverage.map { String(format: "%.2f", $0) } ?? "–",
                    "csatResponses": g.csatResponses,
                    "nps": g.nps.map { String(format: "%+.0f", $0) } ?? "–",
                    "npsMargin": g.npsMargin.map { String(format: "± %.0f", $0) } ?? "",
                    "npsResponses": g.npsResponses,
                ]
                // Answers without a team or agent cannot be filtered on: no link.
                if parameter == nil || g.id != nil { row["link"] = surveysLink(extra) }
                return row
            }
        }
        var view: [String: Any] = [:]
        view["experienceCharts"] = [
            ["id": "experience-over-time", "svg": overTime], ["id": "experience-answers", "svg": responses],
            ["id": "experience-channel", "svg": breakdown("CSAT and NPS by channel", e.byChannel, parameter: nil)],
            ["id": "experience-team", "svg": breakdown("CSAT and NPS by team", e.byTeam, parameter: "team")],
            ["id": "experience-agent", "svg": breakdown("CSAT and NPS by agent", e.byAgent, parameter: "agent")],
        ]
        view["experienceOverall"] = rows([e.overall], parameter: nil).map { row in
            var row = row
            row["link"] = surveysLink([])
            return row
        }
        view["experienceChannels"] = rows(e.byChannel, parameter: nil)
        view["experienceTeams"] = rows(e.byTeam, parameter: "team")
        view["experienceAgents"] = rows(e.byAgent, parameter: "agent")
        let s = e.sentiment
        view["turnaround"] = [
            "measured": s.measured, "before": s.meanBefore.map { String(format: "%+.2f", $0) } ?? "–",
            "after": s.meanAfter.map { String(format: "%+.2f", $0) } ?? "–", "startedNegative": s.startedNegative,
            "turned": s.turnedAround, "share": s.turnedAroundShare.map(percent) ?? "–",
            "sample": DashboardBuilder.turnaroundSample,
        ]
        view["teams"] = teams.map {
            ["id": $0.id, "name": $0.name, "selected": $0.id == query.teamID] as [String: Any]
        }
        return view
    }
}
