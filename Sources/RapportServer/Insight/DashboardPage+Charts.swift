import Foundation
import RapportInsight

extension DashboardPage {
    /// Volume, sentiment, share of voice, funnel, languages and topics, each point linked to its mentions.
    static func charts(_ d: Dashboard, _ links: DashboardLinks) -> [Chart] {
        let granularity = Granularity(rawValue: d.period.granularity)!
        let ranges = d.bucketStarts.map { TimeRange(start: $0, end: granularity.nextBucket(after: $0)) }
        let options = ChartOptions(width: 640)
        let labels = d.bucketStarts.map { ChartLabel.date($0) }

        let volume = LineChart(
            data: ChartData(
                title: "Mentions per \(d.period.granularity) by network", labels: labels,
                series: d.volumeByNetwork.map { line in
                    ChartSeries(
                        name: line.name, values: line.values.map(Double.init),
                        links: ranges.map {
                            line.name == "Other" ? nil : links.mentions([("network", line.name)], bucket: $0)
                        })
                }), options: options
        ).render()
        let sentiment = StackedBarChart(
            data: ChartData(
                title: "Sentiment per \(d.period.granularity)", labels: labels,
                series: d.sentiment.map { line in
                    ChartSeries(
                        name: line.name, values: line.values.map(Double.init),
                        links: ranges.map {
                            line.name == "unknown" ? nil : links.mentions([("sentiment", line.name)], bucket: $0)
                        },
                        color: ChartColor.sentiment(line.name))
                }), options: options
        ).render()
        let voice = BarChart(
            data: ChartData(
                title: "Share of voice", seriesName: "Mentions",
                items: d.shareOfVoice.map { v in
                    ChartItem(
                        label: v.competitor ? "\(v.brand) (competitor)" : v.brand, value: Double(v.count),
                        link: v.ruleID.map { links.mentions(rule: $0) } ?? links.dashboardOfBrand(v.brand))
                }), options: options
        ).render()
        let funnel = FunnelChart(
            title: "Mentions: all → relevant → attention → urgent",
            stages: d.funnel.map { stage in
                ChartItem(
                    label: stage.name, value: Double(stage.count),
                    link: stage.name == "all" ? links.mentions([]) : links.mentions([("minLevel", stage.name)]))
            }, options: options
        ).render()
        let languages = BarChart(
            data: ChartData(
                title: "Languages", seriesName: "Mentions",
                items: d.languages.map { l in
                    ChartItem(
                        label: l.name, value: Double(l.count),
                        link: l.name == "unknown" ? nil : links.mentions([("lang", l.name)]))
                }), options: options
        ).render()
        let topics = BarChart(
            data: ChartData(
                title: "Top topics (latest \(d.sampledMentions) mentions)", seriesName: "Mentions",
                items: d.topTopics.map { t in
                    ChartItem(label: t.name, value: Double(t.count), link: links.mentions([("q", t.name)]))
                }), options: options
        ).render()
        return [
            Chart(id: "volume", svg: volume), Chart(id: "sentiment", svg: sentiment), Chart(id: "voice", svg: voice),
            Chart(id: "funnel", svg: funnel), Chart(id: "languages", svg: languages), Chart(id: "topics", svg: topics),
        ]
    }
}
