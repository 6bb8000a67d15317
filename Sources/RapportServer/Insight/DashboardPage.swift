import Foundation
import RapportCore
import RapportIngest
import RapportInsight
import RapportStore

/// The `/dashboard` view model: a pure function of a `Dashboard` and its query. Charts are SVG drawn by
/// RapportInsight (which escapes every text), each point linking to the `/mentions` behind it; every chart
/// also has its figures as a table, for keyboard and screen-reader users.
enum DashboardPage {
    static func view(_ d: Dashboard, _ query: DashboardQuery, rules: [(id: Int64, name: String, brand: String)])
        -> [String: Any]
    {
        let ranges = d.bucketStarts.map {
            TimeRange(start: $0, end: Granularity(rawValue: d.period.granularity)!.nextBucket(after: $0))
        }
        let drillRule = query.ruleID ?? (query.brand.flatMap { b in d.shareOfVoice.first { $0.brand == b }?.ruleID })
        func mentionsLink(_ extra: [(String, String)], bucket: TimeRange? = nil) -> String {
            var pairs: [(String, String)] = []
            if let drillRule { pairs.append(("rule", String(drillRule))) }
            if let network = query.network { pairs.append(("network", network.rawValue)) }
            pairs += extra
            let span = bucket ?? d.periodRange
            pairs += [("since", DashboardQuery.iso(span.start)), ("until", DashboardQuery.iso(span.end))]
            return DashboardQuery.link("/mentions", pairs)
        }
        let options = ChartOptions(width: 640)
        let labels = d.bucketStarts.map { ChartLabel.date($0) }

        let volume = LineChart(
            data: ChartData(
                title: "Mentions per \(d.period.granularity) by network", labels: labels,
                series: d.volumeByNetwork.map { line in
                    ChartSeries(
                        name: line.name, values: line.values.map(Double.init),
                        links: ranges.map {
                            line.name == "Other" ? nil : mentionsLink([("network", line.name)], bucket: $0)
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
                            line.name == "unknown" ? nil : mentionsLink([("sentiment", line.name)], bucket: $0)
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
                        link: v.ruleID.map { mentionsLinkForRule($0, d, query) }
                            ?? DashboardQuery.link(
                                "/dashboard",
                                [("brand", v.brand)] + query.parameters.filter { $0.0 != "rule" && $0.0 != "brand" }))
                }), options: options
        ).render()
        let funnel = FunnelChart(
            title: "Mentions: all → relevant → attention → urgent",
            stages: d.funnel.map { stage in
                ChartItem(
                    label: stage.name, value: Double(stage.count),
                    link: stage.name == "all" ? mentionsLink([]) : mentionsLink([("minLevel", stage.name)]))
            }, options: options
        ).render()
        let languages = BarChart(
            data: ChartData(
                title: "Languages", seriesName: "Mentions",
                items: d.languages.map { l in
                    ChartItem(
                        label: l.name, value: Double(l.count),
                        link: l.name == "unknown" ? nil : mentionsLink([("lang", l.name)]))
                }), options: options
        ).render()
        let topics = BarChart(
            data: ChartData(
                title: "Top topics (latest \(d.sampledMentions) mentions)", seriesName: "Mentions",
                items: d.topTopics.map { t in
                    ChartItem(label: t.name, value: Double(t.count), link: mentionsLink([("q", t.name)]))
                }), options: options
        ).render()

        var view: [String: Any] = [:]
        view["charts"] = [
            ["id": "volume", "svg": volume], ["id": "sentiment", "svg": sentiment], ["id": "voice", "svg": voice],
            ["id": "funnel", "svg": funnel], ["id": "languages", "svg": languages], ["id": "topics", "svg": topics],
        ]
        view["total"] = d.total
        view["periodText"] = "\(ViewFormat.iso(d.period.start)) – \(ViewFormat.iso(d.period.end))"
        view["ranges"] = DashboardQuery.presets.map {
            ["name": $0.name, "label": $0.label, "selected": $0.name == query.rangeName] as [String: Any]
        }
        view["custom"] = query.rangeName == "custom"
        view["from"] = DashboardQuery.iso(d.period.start)
        view["to"] = DashboardQuery.iso(d.period.end)
        view["rules"] = rules.map { r in
            ["id": r.id, "label": "\(r.name) (\(r.brand))", "selected": r.id == query.ruleID] as [String: Any]
        }
        view["brands"] = Array(Set(rules.map(\.brand))).sorted().map {
            ["name": $0, "selected": $0 == query.brand] as [String: Any]
        }
        view["networks"] = Network.allCases.map {
            ["name": $0.rawValue, "selected": $0 == query.network] as [String: Any]
        }
        view["voiceRows"] = d.shareOfVoice.map { v in
            ["brand": v.brand, "competitor": v.competitor, "count": v.count, "share": percent(v.share)] as [String: Any]
        }
        view["funnelRows"] = d.funnel.map { ["name": $0.name, "count": $0.count] as [String: Any] }
        view["languageRows"] = d.languages.map { ["name": $0.name, "count": $0.count] as [String: Any] }
        view["networkRows"] = d.volumeByNetwork.map {
            ["name": $0.name, "count": $0.values.reduce(0, +)] as [String: Any]
        }
        view["sentimentRows"] = d.sentiment.map { ["name": $0.name, "count": $0.values.reduce(0, +)] as [String: Any] }
        view["terms"] = d.trendingTerms.map { t in
            [
                "term": t.term, "count": t.count, "ratio": String(format: "%.1f×", t.ratio),
                "link": mentionsLink([("q", t.term)]),
            ] as [String: Any]
        }
        view["advocates"] = d.advocates.map(author)
        view["detractors"] = d.detractors.map(author)
        let s = d.service
        view["service"] =
            [
                "conversations": s.conversations, "responseRate": s.responseRate.map(percent) ?? "–",
                "frtMedian": duration(s.firstResponseMedianSeconds), "frtP90": duration(s.firstResponseP90Seconds),
                "resMedian": duration(s.resolutionMedianSeconds), "resP90": duration(s.resolutionP90Seconds),
                "sla": s.slaCompliance.map(percent) ?? "–", "withSLA": s.withSLA, "breached": s.slaBreached,
                "backlog": s.backlogByAge.map { ["name": $0.name, "count": $0.count] as [String: Any] },
                "teamRows": s.byTeam.map { g in
                    serviceRow(g, link: g.id.map { DashboardQuery.link("/inbox", [("queue", "team-\($0)")]) })
                },
                "agentRows": s.byAgent.map { serviceRow($0, link: nil) },
            ] as [String: Any]
        view["alerts"] = d.alerts.map(alertRow)
        view["csvLink"] = DashboardQuery.link("/dashboard.csv", query.parameters)
        view["jsonLink"] = DashboardQuery.link("/api/v1/analytics/dashboard", query.parameters)
        return view
    }

    private static func mentionsLinkForRule(_ id: Int64, _ d: Dashboard, _ query: DashboardQuery) -> String {
        var pairs: [(String, String)] = [("rule", String(id))]
        if let network = query.network { pairs.append(("network", network.rawValue)) }
        pairs += [("since", DashboardQuery.iso(d.period.start)), ("until", DashboardQuery.iso(d.period.end))]
        return DashboardQuery.link("/mentions", pairs)
    }

    private static func serviceRow(_ g: Dashboard.ServiceGroup, link: String?) -> [String: Any] {
        var row: [String: Any] = [
            "name": g.name, "conversations": g.conversations, "responseRate": g.responseRate.map(percent) ?? "–",
            "frtMedian": duration(g.firstResponseMedianSeconds), "frtP90": duration(g.firstResponseP90Seconds),
            "resMedian": duration(g.resolutionMedianSeconds), "resolved": g.resolved,
            "sla": g.slaCompliance.map(percent) ?? "–",
        ]
        if let link { row["link"] = link }
        return row
    }

    static func alertRow(_ a: AlertPayload) -> [String: Any] {
        var row: [String: Any] = [
            "id": a.id, "kind": a.kind.replacingOccurrences(of: "_", with: " "), "status": a.status,
            "episode": a.episode, "detectedISO": ViewFormat.iso(a.detectedAt),
            "detectedText": DashboardQuery.iso(a.detectedAt),
            "series": a.rule.map { "\($0.name) (\($0.brand))" } ?? a.topic.map { "topic \($0)" } ?? "",
            "rate": String(format: "%.0f/h vs %.0f/h expected", a.evidence.observedRate, a.evidence.expectedRate),
            "negative": percent(a.evidence.negativeShare), "terms": a.evidence.trendingTerms.joined(separator: ", "),
            "authors": a.evidence.topAuthors.prefix(3).map { "@\($0.handle)" }.joined(separator: ", "),
            "canAcknowledge": a.status == "open", "canResolve": a.status != "resolved",
        ]
        if let post = a.evidence.topPosts.first { row["topPost"] = "@\(post.author): \(post.text)" }
        return row
    }

    private static func author(_ a: Dashboard.Author) -> [String: Any] {
        [
            "handle": a.handle, "network": a.network, "followers": a.followers, "influence": a.influence,
            "positive": a.positive, "negative": a.negative,
            "link": DashboardQuery.link("/mentions", [("author", a.handle), ("network", a.network)]),
        ]
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "–" }
        if seconds < 120 { return String(format: "%.0f s", seconds) }
        if seconds < 7_200 { return String(format: "%.0f min", seconds / 60) }
        if seconds < 172_800 { return String(format: "%.1f h", seconds / 3_600) }
        return String(format: "%.1f d", seconds / 86_400)
    }
}

extension Dashboard {
    var periodRange: TimeRange { TimeRange(start: period.start, end: period.end) }
}
