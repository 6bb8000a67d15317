import Foundation
import RapportAnalysis
import RapportCore

/// `/dashboard.csv` and `/mentions.csv`: the same figures as the page, one fact per line.
enum DashboardCSV {
    /// `section,name,bucket,value`: time series per bucket start; other sections have an empty bucket.
    static func dashboard(_ d: Dashboard) -> String {
        var csv = CSVWriter()
        csv.row(["section", "name", "bucket", "value"])
        csv.row(["period", d.period.name, DashboardQuery.iso(d.period.start), DashboardQuery.iso(d.period.end)])
        csv.row(["total", "mentions", "", String(d.total)])
        for (section, lines) in [("volume_by_network", d.volumeByNetwork), ("sentiment", d.sentiment)] {
            for line in lines {
                for (start, value) in zip(d.bucketStarts, line.values) {
                    csv.row([section, line.name, DashboardQuery.iso(start), String(value)])
                }
            }
        }
        for v in d.shareOfVoice {
            csv.row(["share_of_voice", v.brand + (v.competitor ? " (competitor)" : ""), "", String(v.count)])
        }
        for stage in d.funnel { csv.row(["funnel", stage.name, "", String(stage.count)]) }
        for l in d.languages { csv.row(["language", l.name, "", String(l.count)]) }
        for t in d.topTopics { csv.row(["topic", t.name, "", String(t.count)]) }
        for t in d.trendingTerms { csv.row(["trending_term", t.term, "", String(t.count)]) }
        for a in d.advocates { csv.row(["advocate", "\(a.network):\(a.handle)", "", String(a.influence)]) }
        for a in d.detractors { csv.row(["detractor", "\(a.network):\(a.handle)", "", String(a.influence)]) }
        let s = d.service
        let service: [(String, String)] = [
            ("conversations", String(s.conversations)), ("responded", String(s.responded)),
            ("response_rate", s.responseRate.map { String($0) } ?? ""),
            ("first_response_median_seconds", s.firstResponseMedianSeconds.map { String($0) } ?? ""),
            ("first_response_p90_seconds", s.firstResponseP90Seconds.map { String($0) } ?? ""),
            ("resolution_median_seconds", s.resolutionMedianSeconds.map { String($0) } ?? ""),
            ("resolution_p90_seconds", s.resolutionP90Seconds.map { String($0) } ?? ""),
            ("sla_compliance", s.slaCompliance.map { String($0) } ?? ""),
        ]
        for (name, value) in service { csv.row(["service", name, "", value]) }
        for band in s.backlogByAge { csv.row(["backlog_by_age", band.name, "", String(band.count)]) }
        for (kind, groups) in [("service_team", s.byTeam), ("service_agent", s.byAgent)] {
            for g in groups {
                let figures: [(String, String)] = [
                    ("conversations", String(g.conversations)), ("responded", String(g.responded)),
                    ("resolved", String(g.resolved)), ("response_rate", g.responseRate.map { String($0) } ?? ""),
                    ("first_response_median_seconds", g.firstResponseMedianSeconds.map { String($0) } ?? ""),
                    ("first_response_p90_seconds", g.firstResponseP90Seconds.map { String($0) } ?? ""),
                    ("resolution_median_seconds", g.resolutionMedianSeconds.map { String($0) } ?? ""),
                    ("sla_compliance", g.slaCompliance.map { String($0) } ?? ""),
                ]
                for (name, value) in figures { csv.row([kind + "_" + name, g.name, "", value]) }
            }
        }
        experience(d, into: &csv)
        return csv.text
    }

    static func mentions(_ items: [Mention]) -> String {
        var csv = CSVWriter()
        csv.row([
            "id", "created_at", "network", "author", "followers", "sentiment", "level", "language", "rules", "url",
            "text",
        ])
        for m in items {
            csv.row([
                String(m.id), DashboardQuery.iso(m.post.createdAt), m.post.network.rawValue, m.post.author.handle,
                m.post.author.followers.map(String.init) ?? "", m.analysis?.sentiment.label.rawValue ?? "",
                m.analysis?.level.rawValue ?? "", m.post.language ?? m.analysis?.language ?? "",
                m.matchedRuleIDs.map(String.init).joined(separator: " "), m.post.url ?? "", m.post.text,
            ])
        }
        return csv.text
    }
}
