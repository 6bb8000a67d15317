import Foundation
import RapportCore
import RapportDesk
import Testing

@testable import RapportServer

/// The page view models are pure functions of their figures: checked here without a server or a template.
@Suite("Page view models")
struct PageViewModelTests {
    static let chrome = PageChrome(title: "T", page: "p", csrf: "c")

    @Test("dashboard: filters show the query's choices; drill-down links keep the rule, network and period")
    func dashboardSelections() throws {
        let page = DashboardPage(
            chrome: Self.chrome, dashboard: PageFixtures.dashboard(), query: PageFixtures.query,
            rules: PageFixtures.rules, teams: PageFixtures.teams)
        #expect(page.ranges.filter(\.selected).isEmpty, "a custom period selects no preset")
        #expect(page.rules.filter(\.selected).map(\.value) == ["2"])
        #expect(page.networks.filter(\.selected).map(\.value) == ["x"])
        #expect(page.teams.filter(\.selected).map(\.label) == ["Care & <Billing>"])
        #expect(page.brands.map(\.value) == [#"<script>alert("x")</script>"#, "acme"], "sorted, one per brand")
        #expect(page.from == "2026-03-02T00:00:00Z" && page.to == "2026-03-06T00:00:00Z")
        let term = try #require(page.terms.first)
        let period = "since=2026-03-02T00%3A00%3A00Z&until=2026-03-06T00%3A00%3A00Z"
        #expect(term.link == "/mentions?rule=2&network=x&q=no%20signal&" + period)
        #expect(term.ratio == "6.2×" || term.ratio == "6.3×")
        #expect(page.csvLink.hasPrefix("/dashboard.csv?from=2026-03-02T00%3A00%3A00Z&to="))
    }

    @Test("dashboard: figures that cannot be stated are dashes, and groups without an id get no link")
    func dashboardAbsentFigures() throws {
        let full = DashboardPage(
            chrome: Self.chrome, dashboard: PageFixtures.dashboard(), query: PageFixtures.query,
            rules: PageFixtures.rules, teams: PageFixtures.teams)
        #expect(full.service.teamRows.map(\.link) == ["/inbox?queue=team-7", nil])
        #expect(full.service.teamRows[1].frtMedian == "–" && full.service.teamRows[1].sla == "–")
        #expect(full.service.agentRows.allSatisfy { $0.link == nil })
        #expect(full.service.frtMedian == "95 s" && full.service.frtP90 == "50 min")
        #expect(full.service.resMedian == "5.6 h" && full.service.resP90 == "4.6 d")
        #expect(full.experience.experienceTeams.map { $0.link != nil } == [true, false])
        #expect(full.experience.experienceOverall.first?.link?.hasPrefix("/surveys?since=") == true)
        #expect(full.experience.experienceTeams[1].nps == "–" && full.experience.experienceTeams[1].npsMargin == "")

        let empty = DashboardPage(
            chrome: Self.chrome, dashboard: PageFixtures.emptyDashboard(), query: PageFixtures.emptyQuery, rules: [],
            teams: [])
        #expect(empty.service.responseRate == "–" && empty.service.sla == "–")
        #expect(empty.experience.turnaround.before == "–" && empty.experience.turnaround.share == "–")
        #expect(empty.ranges.filter(\.selected).map(\.value) == ["24h"])
        #expect(empty.alerts.isEmpty && empty.terms.isEmpty)
    }

    @Test("dashboard alerts: the first post quoted, buttons by status, the topic named when there is no rule")
    func alertRows() {
        let rows = PageFixtures.alerts().map(DashboardPage.AlertRow.init)
        #expect(rows.map(\.canAcknowledge) == [true, false, false])
        #expect(rows.map(\.canResolve) == [true, true, false])
        #expect(rows[0].topPost == "@loud_<i>: Down again <script>alert(1)</script> & no word")
        #expect(rows[1].topPost == nil)
        #expect(rows[0].series == #"globex-<b> (globex)"#)
        #expect(rows[1].series == "topic outage")
        #expect(rows[0].kind == "volume spike" && rows[0].rate == "128/h vs 15/h expected")
    }

    @Test("alert queue: only web links kept, assignee named, no forms for those who cannot act")
    func alertDesk() {
        let now = PageFixtures.day(3).addingTimeInterval(10_800)
        let page = AlertDeskView(
            chrome: Self.chrome, alerts: PageFixtures.alerts(), timelines: PageFixtures.timelines,
            users: PageFixtures.users, team: [], canAct: false, showResolved: false, now: now)
        #expect(page.alertCount == 3)
        let first = page.alerts[0]
        #expect(first.posts.map(\.url) == ["https://x.com/a/status/1", nil])
        #expect(first.hasPosts && first.hasTerms && first.hasAuthors)
        #expect(!first.canAcknowledge && !first.canAssign && !first.canResolve)
        #expect(
            first.timeline.map(\.what) == [
                "raised the alert", "saw it grow (64 posts)", "assigned it to Ana <A>", "unassigned it",
            ])
        #expect(first.timeline.map(\.who) == ["Rapport", "Rapport", "Bo", "user 99"])
        #expect(page.alerts[1].assignee == "Ana <A>" && first.assignee == nil)
        #expect(page.alerts[1].users.filter(\.selected).map(\.value) == ["11"])
        #expect(!page.alerts[1].hasPosts && page.alerts[1].posts.isEmpty)
    }

    @Test("revenue: refused cohorts say why; stated ones mark the reference group and link score ranges")
    func revenue() throws {
        let stated = RevenuePage(chrome: Self.chrome, report: PageFixtures.revenue())
        let nps = try #require(stated.drivers.first)
        #expect(nps.refusal == nil && nps.reference == "detractors")
        let groups = try #require(nps.groups)
        #expect(groups.filter(\.reference).map(\.name) == ["detractors"])
        #expect(groups.first { $0.reference }?.difference == nil, "the reference is not compared with itself")
        #expect(groups.first { !$0.reference }?.difference != nil)
        #expect(groups.allSatisfy { $0.link?.hasPrefix("/surveys?kind=nps&minScore=") == true })
        #expect(stated.windows.filter(\.selected).map(\.days) == [30])
        #expect(stated.elasticity != nil || stated.elasticityRefusal != nil)

        let refused = RevenuePage(chrome: Self.chrome, report: PageFixtures.revenue(windowDays: 90, customers: 8))
        #expect(refused.drivers.allSatisfy { $0.refusal != nil && $0.groups == nil && $0.chart == nil })
        #expect(refused.slopes.allSatisfy { $0.fit == nil && $0.refusal != nil })
        #expect(refused.elasticity == nil && refused.elasticityRefusal != nil)
    }

    @Test("business hours: a team without hours works around the clock, the form offering 09:00–17:00 on workdays")
    func hours() {
        let form = HoursView.form(nil)
        #expect(form.alwaysOpen && form.timeZone == "UTC" && form.open == "09:00" && form.close == "17:00")
        #expect(form.days.filter(\.checked).map(\.name) == ["Mon", "Tue", "Wed", "Thu", "Fri"])
        #expect(form.hoursText == "around the clock" && form.holidays.isEmpty)
    }

    @Test("a snapshot difference names the first line and column that differ")
    func snapshotDifference() {
        #expect(HTMLSnapshot.firstDifference("a\nb\nc", "a\nb\nc") == nil)
        let difference = HTMLSnapshot.firstDifference("a\n<p>one</p>\nc", "a\n<p>two</p>\nc")
        #expect(difference?.hasPrefix("line 2, column 4") == true, "\(difference ?? "")")
        #expect(HTMLSnapshot.firstDifference("a\n", "a\nb")?.hasPrefix("line 2") == true)
    }
}
