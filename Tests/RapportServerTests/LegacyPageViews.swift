// TEMPORARY: the dictionary views as they were before the typed view models, to prove the typed ones render the same HTML.
import Foundation
import Mustache
import RapportCore
import RapportDesk
import RapportIngest
import RapportInsight
import RapportStore

@testable import RapportServer

/// The `/dashboard` view model: a pure function of a `Dashboard` and its query. Charts are SVG drawn by
/// RapportInsight (which escapes every text), each point linking to the `/mentions` behind it; every chart
/// also has its figures as a table, for keyboard and screen-reader users.
enum LegacyDashboardPage {
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

extension LegacyDashboardPage {
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

/// The `/insight/revenue` view model: a pure function of the report. Every figure comes with its interval,
/// or the reason it is not stated; the method and its limits are on the page.
enum LegacyRevenuePage {
    static func view(_ report: RevenueBuilder.Report) -> [String: Any] {
        let f = report.figures
        var view: [String: Any] = [:]
        view["days"] = report.windowDays
        view["windows"] = [30, 60, 90, 180].map { ["days": $0, "selected": $0 == report.windowDays] as [String: Any] }
        view["method"] = report.method
        view["limits"] = report.limits
        view["orders"] = f.ordersCounted
        view["incomplete"] = f.incompleteWindows
        view["minimumGroup"] = f.minimumGroup
        view["minimumPairs"] = f.minimumPairs
        view["jsonLink"] = "/api/v1/analytics/revenue?days=\(report.windowDays)"
        let since = DashboardQuery.iso(report.from)
        let links: [String: [String: String]] = [
            "NPS": [
                "promoters": "/surveys?kind=nps&minScore=9&maxScore=10&since=\(since)",
                "passives": "/surveys?kind=nps&minScore=7&maxScore=8&since=\(since)",
                "detractors": "/surveys?kind=nps&minScore=0&maxScore=6&since=\(since)",
            ],
            "CSAT": [
                "satisfied (4–5)": "/surveys?kind=csat&minScore=4&maxScore=5&since=\(since)",
                "neutral (3)": "/surveys?kind=csat&minScore=3&maxScore=3&since=\(since)",
                "dissatisfied (1–2)": "/surveys?kind=csat&minScore=1&maxScore=2&since=\(since)",
            ],
        ]
        view["drivers"] = [f.nps, f.csat, f.sentiment].map { cohort in
            driver(cohort, links: links[cohort.driver] ?? [:], days: report.windowDays)
        }
        view["slopes"] = [f.npsSlope, f.csatSlope, f.sentimentSlope].enumerated().map { index, finding in
            var row: [String: Any] = [
                "driver": ["NPS score (0–10)", "CSAT rating (1–5)", "sentiment after engagement (−1…1)"][index]
            ]
            if let s = finding.value {
                let b = s.regression.slope
                row["fit"] = [
                    "n": s.regression.count, "slope": money(b.estimate),
                    "interval": "\(money(b.confidenceInterval.lower)) to \(money(b.confidenceInterval.upper))",
                    "percent": String(format: "%+.1f %%", s.percentPerPoint),
                    "percentInterval": String(
                        format: "%+.1f %% to %+.1f %%", s.percentPerPointInterval.lower, s.percentPerPointInterval.upper
                    ),
                    "r2": String(format: "%.3f", s.regression.rSquared), "p": pValue(b.pValue),
                    "meanSpend": money(s.meanSpend),
                ]
            } else {
                row["refusal"] = finding.refusal ?? ""
            }
            return row
        }
        if let e = f.csatElasticity.value {
            let effect = e.fivePercent
            view["elasticity"] =
                [
                    "effect": String(format: "%+.2f %%", effect.outcomeChangePercent),
                    "interval": String(
                        format: "%+.2f %% to %+.2f %%", effect.confidenceInterval.lower, effect.confidenceInterval.upper
                    ),
                    "elasticity": String(format: "%.2f", e.estimate.elasticity.estimate),
                    "elasticityInterval": String(
                        format: "%.2f to %.2f", e.estimate.elasticity.confidenceInterval.lower,
                        e.estimate.elasticity.confidenceInterval.upper),
                    "spenders": e.spenders, "nonSpenders": e.nonSpenders, "p": pValue(e.estimate.elasticity.pValue),
                    "significant": !e.estimate.elasticity.confidenceInterval.contains(0),
                ] as [String: Any]
        } else {
            view["elasticityRefusal"] = f.csatElasticity.refusal ?? ""
        }
        return view
    }

    static func driver(_ c: SatisfactionRevenue.DriverCohorts, links: [String: String], days: Int) -> [String: Any] {
        var view: [String: Any] = ["driver": c.driver, "customers": c.customers]
        guard let spend = c.spend.value else {
            view["refusal"] = c.spend.refusal ?? ""
            return view
        }
        let retention = c.retention.value
        view["groups"] = spend.groups.map { g -> [String: Any] in
            let r = retention?.group(named: g.name)
            var row: [String: Any] = [
                "name": g.name, "n": g.summary.count, "mean": money(g.summary.mean ?? 0),
                "interval": interval(g.summary.confidenceInterval, money),
                "reference": g.name == spend.reference,
                "retention": r.flatMap(\.summary.mean).map { LegacyDashboardPage.percent($0) } ?? "–",
                "retentionInterval": interval(r?.summary.confidenceInterval) {
                    LegacyDashboardPage.percent(min(1, max(0, $0)))
                },
            ]
            if let w = g.versusReference {
                row["difference"] = money(w.difference)
                row["differenceInterval"] = interval(w.confidenceInterval, money)
                row["p"] = pValue(w.pValue)
            }
            if let w = r?.versusReference {
                row["retentionDifference"] = String(format: "%+.1f pts", w.difference * 100)
                row["retentionDifferenceInterval"] = interval(w.confidenceInterval) {
                    String(format: "%+.1f", $0 * 100)
                }
            }
            if let link = links[g.name] { row["link"] = link }
            return row
        }
        view["reference"] = spend.reference
        view["chart"] =
            BarChart(
                data: ChartData(
                    title: "Mean spend in the \(days) days after, by \(c.driver)", seriesName: "Mean spend",
                    items: spend.groups.map { g in
                        ChartItem(
                            label: "\(g.name) (n=\(g.summary.count))", value: g.summary.mean ?? 0, link: links[g.name])
                    }), options: ChartOptions(width: 560)
            ).render()
        return view
    }

    static func money(_ x: Double) -> String { String(format: "%.2f", x) }

    static func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : String(format: "%.3f", p) }

    static func interval(_ i: ConfidenceInterval?, _ format: (Double) -> String) -> String {
        guard let i else { return "–" }
        return "\(format(i.lower)) to \(format(i.upper))"
    }
}

/// The values `alerts.mustache` renders: one card per alert with its evidence, forms and timeline. Every string
/// is escaped by Mustache (post texts, handles and terms come from the public).
enum LegacyAlertDeskView {
    static func list(
        _ alerts: [AlertPayload], timelines: [Int64: [AlertTimelineEntry]], users: [User], canAct: Bool, now: Date
    ) -> [String: Any] {
        let names = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return [
            "alerts": alerts.map {
                card($0, timeline: timelines[$0.id] ?? [], users: users, names: names, canAct: canAct, now: now)
            },
            "alertCount": alerts.count,
        ]
    }

    static func card(
        _ a: AlertPayload, timeline: [AlertTimelineEntry], users: [User], names: [Int64: String], canAct: Bool,
        now: Date
    ) -> [String: Any] {
        let e = a.evidence
        let summary = AlertEvidenceSummary(a)
        var view: [String: Any] = [
            "id": a.id, "kind": AlertText.kind(a.kind), "kindKey": a.kind, "series": AlertText.series(a),
            "status": a.status, "rate": AlertText.rate(summary), "negative": AlertText.negative(summary),
            "window": "\(Int(e.windowSeconds / 60)) min", "observed": e.observedCount,
            "expected": String(format: "%.1f", e.expectedCount),
            "startedISO": ViewFormat.iso(a.startedAt), "startedText": ViewFormat.relative(a.startedAt, now: now),
            "detectedISO": ViewFormat.iso(a.detectedAt), "detectedText": ViewFormat.relative(a.detectedAt, now: now),
            "episodeClosed": a.episode == "closed",
            "terms": e.trendingTerms, "hasTerms": !e.trendingTerms.isEmpty,
            "authors": e.topAuthors.map {
                ["handle": $0.handle, "network": $0.network, "followers": $0.followers, "posts": $0.posts]
            },
            "hasAuthors": !e.topAuthors.isEmpty,
            "posts": e.topPosts.map { p -> [String: Any] in
                var post: [String: Any] = [
                    "author": p.author, "network": p.network, "text": p.text, "engagement": p.engagement,
                ]
                // Only web links become links: a `javascript:` URL from a payload stays out of the page.
                post.setIfPresent(
                    "url", p.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil })
                post.setIfPresent("mentionID", p.mentionID)
                return post
            },
            "hasPosts": !e.topPosts.isEmpty,
            "canAcknowledge": canAct && a.status == "open",
            "canResolve": canAct && a.status != "resolved",
            "canAssign": canAct && a.status != "resolved",
            "users": users.map { ["id": $0.id, "name": $0.name, "selected": $0.id == a.assigneeId] },
            "timeline": timeline.map { entry -> [String: Any] in
                [
                    "atISO": ViewFormat.iso(entry.at), "atText": ViewFormat.relative(entry.at, now: now),
                    "who": entry.userID.map { names[$0] ?? "user \($0)" } ?? "Rapport",
                    "what": describe(entry, names: names),
                ]
            },
        ]
        view.setIfPresent("assignee", a.assigneeId.map { names[$0] ?? "user \($0)" })
        return view
    }

    /// One timeline step in words.
    static func describe(_ entry: AlertTimelineEntry, names: [Int64: String]) -> String {
        switch entry.change {
        case "opened": return "raised the alert"
        case "updated": return "saw it grow (\(entry.detail))"
        case "closed": return "saw the series back to normal"
        case "acknowledged": return "acknowledged"
        case "resolved": return "resolved"
        case "assigned":
            if entry.detail.hasPrefix("user "), let id = Int64(entry.detail.dropFirst(5)) {
                return "assigned it to \(names[id] ?? entry.detail)"
            }
            return "unassigned it"
        default: return entry.change
        }
    }
}
