import Foundation
import Testing

@testable import RapportServer

/// The insight pages and the alert queue rendered from fixed figures through the real templates, compared with
/// golden files (`Snapshots/`, recorded with `RAPPORT_UPDATE_SNAPSHOTS=1 swift test --filter InsightPageSnapshotTests`;
/// review the diff of the goldens when recording).
@Suite("Insight page snapshots")
struct InsightPageSnapshotTests {
    static func chrome(_ title: String, _ page: String) -> PageChrome {
        PageChrome(
            title: title, page: page, csrf: "csrf-fixed",
            user: .init(name: "Ana <A>", role: "agent", isAdmin: false, isSupervisor: false, unread: 2, hasUnread: true)
        )
    }

    @Test("the dashboard renders every section from fixed figures, escaping user text")
    func dashboard() async throws {
        let renderer = try await WebRenderer.load()
        let page = DashboardPage(
            chrome: Self.chrome("Dashboard", "dashboard"), dashboard: PageFixtures.dashboard(),
            query: PageFixtures.query, rules: PageFixtures.rules, teams: PageFixtures.teams)
        let html = try await HTMLSnapshot.render(renderer, "dashboard", page)
        #expect(!html.contains("<script>alert"))
        try HTMLSnapshot.check(html, named: "dashboard.html")
    }

    @Test("an empty dashboard says so and shows dashes for figures it cannot state")
    func emptyDashboard() async throws {
        let renderer = try await WebRenderer.load()
        let page = DashboardPage(
            chrome: Self.chrome("Dashboard", "dashboard"), dashboard: PageFixtures.emptyDashboard(),
            query: PageFixtures.emptyQuery, rules: [], teams: [])
        try HTMLSnapshot.check(
            try await HTMLSnapshot.render(renderer, "dashboard", page), named: "dashboard-empty.html")
    }

    @Test("the dashboard's alert list refreshes as the same fragment")
    func alertsFragment() async throws {
        let renderer = try await WebRenderer.load()
        let list = DashboardPage.AlertList(
            chrome: Self.chrome("Alerts", "dashboard"), alerts: PageFixtures.alerts().map(DashboardPage.AlertRow.init))
        try HTMLSnapshot.check(
            try await HTMLSnapshot.render(renderer, "dashboard_alerts", list), named: "dashboard-alerts.html")
    }

    @Test("the revenue page renders cohorts, slopes and the elasticity")
    func revenue() async throws {
        let renderer = try await WebRenderer.load()
        let page = RevenuePage(
            chrome: Self.chrome("Satisfaction and revenue", "dashboard"), report: PageFixtures.revenue())
        try HTMLSnapshot.check(try await HTMLSnapshot.render(renderer, "revenue", page), named: "revenue.html")
    }

    @Test("the revenue page states why it refuses figures on too few customers")
    func revenueRefused() async throws {
        let renderer = try await WebRenderer.load()
        let page = RevenuePage(
            chrome: Self.chrome("Satisfaction and revenue", "dashboard"),
            report: PageFixtures.revenue(windowDays: 90, customers: 8))
        try HTMLSnapshot.check(
            try await HTMLSnapshot.render(renderer, "revenue", page), named: "revenue-refused.html")
    }

    @Test("the desk's alert queue shows evidence, forms and timelines")
    func alertDesk() async throws {
        let renderer = try await WebRenderer.load()
        let page = AlertDeskView(
            chrome: Self.chrome("Alerts", "alerts"), alerts: PageFixtures.alerts(), timelines: PageFixtures.timelines,
            users: PageFixtures.users, team: ["Ana <A>"], canAct: true, showResolved: false,
            now: PageFixtures.day(3).addingTimeInterval(10_800))
        try HTMLSnapshot.check(try await HTMLSnapshot.render(renderer, "alerts", page), named: "alerts-desk.html")
    }
}
