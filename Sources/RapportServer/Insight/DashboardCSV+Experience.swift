import Foundation

extension DashboardCSV {
    /// Experience rows: `csat`, `csat_responses`, `nps`, `nps_responses` per bucket (sections `experience_*`), per
    /// channel, team and agent (bucket empty), and the sentiment turnaround figures. Empty value = no answer.
    static func experience(_ d: Dashboard, into csv: inout CSVWriter) {
        let e = d.experience
        func number(_ x: Double?) -> String { x.map { String($0) } ?? "" }
        func rows(_ section: String, _ s: Dashboard.Experience.Scores, bucket: String, name: String? = nil) {
            let prefix = name.map { "\($0):" } ?? ""
            csv.row([section, prefix + "csat", bucket, number(s.csat)])
            csv.row([section, prefix + "csat_responses", bucket, String(s.csatResponses)])
            csv.row([section, prefix + "nps", bucket, number(s.nps)])
            csv.row([section, prefix + "nps_responses", bucket, String(s.npsResponses)])
        }
        rows("experience", e.overall, bucket: "")
        for (start, s) in zip(d.bucketStarts, e.overTime) {
            rows("experience_over_time", s, bucket: DashboardQuery.iso(start))
        }
        for s in e.byChannel { rows("experience_by_channel", s, bucket: "", name: s.name) }
        for s in e.byTeam { rows("experience_by_team", s, bucket: "", name: s.name) }
        for s in e.byAgent { rows("experience_by_agent", s, bucket: "", name: s.name) }
        let t = e.sentiment
        csv.row(["sentiment_turnaround", "measured", "", String(t.measured)])
        csv.row(["sentiment_turnaround", "mean_before", "", number(t.meanBefore)])
        csv.row(["sentiment_turnaround", "mean_after", "", number(t.meanAfter)])
        csv.row(["sentiment_turnaround", "started_negative", "", String(t.startedNegative)])
        csv.row(["sentiment_turnaround", "turned_around", "", String(t.turnedAround)])
        csv.row(["sentiment_turnaround", "turned_around_share", "", number(t.turnedAroundShare)])
    }
}
