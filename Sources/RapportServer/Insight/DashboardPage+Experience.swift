import Foundation
import RapportCore
import RapportInsight

extension DashboardPage {
    /// The Experience section: CSAT and NPS per bucket, by channel, team and agent, with response counts;
    /// every point and bar links to the survey answers behind it (`/surveys`).
    struct Experience: Sendable {
        var experienceCharts: [Chart]
        var experienceOverall: [Scores]
        var experienceChannels: [Scores]
        var experienceTeams: [Scores]
        var experienceAgents: [Scores]
        var turnaround: Turnaround

        /// One group's satisfaction figures, "–" where none can be stated.
        struct Scores: Sendable {
            var name: String
            var csat: String
            var csatAverage: String
            var csatResponses: Int
            var nps: String
            var npsMargin: String
            var npsResponses: Int
            /// Nil for answers without a team or agent: they cannot be filtered on.
            var link: String?

            init(_ g: Dashboard.Experience.Scores, link: String?) {
                name = g.name
                csat = g.csat.map { String(format: "%.1f%%", $0) } ?? "–"
                csatAverage = g.csatAverage.map { String(format: "%.2f", $0) } ?? "–"
                csatResponses = g.csatResponses
                nps = g.nps.map { String(format: "%+.0f", $0) } ?? "–"
                npsMargin = g.npsMargin.map { String(format: "± %.0f", $0) } ?? ""
                npsResponses = g.npsResponses
                self.link = link
            }
        }

        /// The customer's sentiment before vs after the first agent reply.
        struct Turnaround: Sendable {
            var measured: Int
            var before: String
            var after: String
            var startedNegative: Int
            var turned: Int
            var share: String
            /// At most this many conversations are read.
            var sample: Int

            init(_ s: Dashboard.Experience.Turnaround) {
                measured = s.measured
                before = s.meanBefore.map { String(format: "%+.2f", $0) } ?? "–"
                after = s.meanAfter.map { String(format: "%+.2f", $0) } ?? "–"
                startedNegative = s.startedNegative
                turned = s.turnedAround
                share = s.turnedAroundShare.map(DashboardPage.percent) ?? "–"
                sample = DashboardBuilder.turnaroundSample
            }
        }

        init(_ d: Dashboard, _ query: DashboardQuery) {
            let e = d.experience
            let links = DashboardLinks(dashboard: d, query: query)
            experienceCharts = Self.charts(d, links)
            experienceOverall = [Scores(e.overall, link: links.surveys([]))]
            experienceChannels = e.byChannel.map { Scores($0, link: links.surveys([("network", $0.name)])) }
            experienceTeams = e.byTeam.map { g in Scores(g, link: g.id.map { links.surveys([("team", String($0))]) }) }
            experienceAgents = e.byAgent.map { g in
                Scores(g, link: g.id.map { links.surveys([("agent", String($0))]) })
            }
            turnaround = Turnaround(e.sentiment)
        }

        static func charts(_ d: Dashboard, _ links: DashboardLinks) -> [Chart] {
            let e = d.experience
            let granularity = Granularity(rawValue: d.period.granularity)!
            let options = ChartOptions(width: 640)
            let labels = d.bucketStarts.map { ChartLabel.date($0) }
            func bucketLinks(_ kind: String) -> [String?] {
                d.bucketStarts.map {
                    links.surveys([("kind", kind)], start: $0, end: granularity.nextBucket(after: $0))
                }
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
                    guard let parameter else { return links.surveys([("kind", kind), ("network", g.name)]) }
                    guard let id = g.id else { return nil }
                    return links.surveys([("kind", kind), (parameter, String(id))])
                }
                return BarChart(
                    data: ChartData(
                        title: title, labels: groups.map { .text($0.name) },
                        series: [
                            ChartSeries(
                                name: "CSAT %", values: groups.map(\.csat), links: groups.map { link($0, "csat") }),
                            ChartSeries(name: "NPS", values: groups.map(\.nps), links: groups.map { link($0, "nps") }),
                        ]), options: options
                ).render()
            }
            return [
                Chart(id: "experience-over-time", svg: overTime), Chart(id: "experience-answers", svg: responses),
                Chart(
                    id: "experience-channel",
                    svg: breakdown("CSAT and NPS by channel", e.byChannel, parameter: nil)),
                Chart(id: "experience-team", svg: breakdown("CSAT and NPS by team", e.byTeam, parameter: "team")),
                Chart(id: "experience-agent", svg: breakdown("CSAT and NPS by agent", e.byAgent, parameter: "agent")),
            ]
        }
    }
}
