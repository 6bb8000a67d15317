// TEMPORARY: renders each converted page from the same figures twice, through the dictionaries and templates as
// they were (LegacyPageViews.swift, the templates of the parent commit) and through the typed view models and
// today's templates, and requires the same bytes. With RAPPORT_UPDATE_SNAPSHOTS=1 the goldens are written from
// the legacy rendering.
import Foundation
import Mustache
import RapportCore
import RapportDesk
import RapportIngest
import Testing

@testable import RapportServer
@testable import RapportStore

@Suite("Legacy page equivalence")
struct LegacyPageEquivalenceTests {
    static let oldTemplates = "/tmp/pages-new/old-templates"

    static func legacyRenderer() async throws -> WebRenderer {
        WebRenderer(library: try await MustacheLibrary(directory: oldTemplates), assets: [:])
    }

    static func chrome(_ title: String, _ page: String) -> [String: Any] {
        [
            "title": title, "page": page, "csrf": "csrf-fixed",
            "user": [
                "name": "Ana <A>", "role": "agent", "isAdmin": false, "isSupervisor": false, "unread": 2,
                "hasUnread": true,
            ] as [String: Any],
        ]
    }

    static func typedChrome(_ title: String, _ page: String) -> PageChrome {
        InsightPageSnapshotTests.chrome(title, page)
    }

    static func same(
        _ template: String, legacy: Any, typed: Any, golden: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let old = try await HTMLSnapshot.render(try await legacyRenderer(), template, legacy)
        let new = try await HTMLSnapshot.render(try await WebRenderer.load(), template, typed)
        if let difference = HTMLSnapshot.firstDifference(old, new) {
            Issue.record("\(template): \(difference)", sourceLocation: sourceLocation)
        }
        #expect(old.count > 200, sourceLocation: sourceLocation)
        if let golden, HTMLSnapshot.updating { try HTMLSnapshot.check(old, named: golden) }
        try FileManager.default.createDirectory(atPath: "/tmp/pages-equivalence", withIntermediateDirectories: true)
        try Data(old.utf8).write(
            to: URL(fileURLWithPath: "/tmp/pages-equivalence/\(golden ?? template)-\(old.count).html"))
    }

    @Test func dashboard() async throws {
        let d = PageFixtures.dashboard()
        var view = Self.chrome("Dashboard", "dashboard")
        view.merge(LegacyDashboardPage.view(d, PageFixtures.query, rules: PageFixtures.rules)) { _, new in new }
        view.merge(LegacyDashboardPage.experienceView(d, PageFixtures.query, teams: PageFixtures.teams)) { _, new in new
        }
        try await Self.same(
            "dashboard", legacy: view,
            typed: DashboardPage(
                chrome: Self.typedChrome("Dashboard", "dashboard"), dashboard: d, query: PageFixtures.query,
                rules: PageFixtures.rules, teams: PageFixtures.teams), golden: "dashboard.html")
    }

    @Test func emptyDashboard() async throws {
        let d = PageFixtures.emptyDashboard()
        var view = Self.chrome("Dashboard", "dashboard")
        view.merge(LegacyDashboardPage.view(d, PageFixtures.emptyQuery, rules: [])) { _, new in new }
        view.merge(LegacyDashboardPage.experienceView(d, PageFixtures.emptyQuery, teams: [])) { _, new in new }
        try await Self.same(
            "dashboard", legacy: view,
            typed: DashboardPage(
                chrome: Self.typedChrome("Dashboard", "dashboard"), dashboard: d, query: PageFixtures.emptyQuery,
                rules: [], teams: []), golden: "dashboard-empty.html")
    }

    @Test func alertsFragment() async throws {
        var view = Self.chrome("Alerts", "dashboard")
        view["alerts"] = PageFixtures.alerts().map(LegacyDashboardPage.alertRow)
        try await Self.same(
            "dashboard_alerts", legacy: view,
            typed: DashboardPage.AlertList(
                chrome: Self.typedChrome("Alerts", "dashboard"),
                alerts: PageFixtures.alerts().map(DashboardPage.AlertRow.init)), golden: "dashboard-alerts.html")
    }

    @Test(arguments: [(30, 60), (90, 8), (180, 60)])
    func revenue(days: Int, customers: Int) async throws {
        let report = PageFixtures.revenue(windowDays: days, customers: customers)
        var view = Self.chrome("Satisfaction and revenue", "dashboard")
        view.merge(LegacyRevenuePage.view(report)) { _, new in new }
        try await Self.same(
            "revenue", legacy: view,
            typed: RevenuePage(chrome: Self.typedChrome("Satisfaction and revenue", "dashboard"), report: report),
            golden: days == 30 ? "revenue.html" : days == 90 ? "revenue-refused.html" : nil)
    }

    @Test(arguments: [true, false])
    func alertDesk(canAct: Bool) async throws {
        let now = PageFixtures.day(3).addingTimeInterval(10_800)
        var view = Self.chrome("Alerts", "alerts")
        view.merge(
            LegacyAlertDeskView.list(
                PageFixtures.alerts(), timelines: PageFixtures.timelines, users: PageFixtures.users, canAct: canAct,
                now: now)
        ) { _, new in new }
        view["team"] = [["name": "Ana <A>"]]
        view["showResolved"] = !canAct
        try await Self.same(
            "alerts", legacy: view,
            typed: AlertDeskView(
                chrome: Self.typedChrome("Alerts", "alerts"), alerts: PageFixtures.alerts(),
                timelines: PageFixtures.timelines, users: PageFixtures.users, team: ["Ana <A>"], canAct: canAct,
                showResolved: !canAct, now: now), golden: canAct ? "alerts-desk.html" : nil)
    }

    @Test func emptyAlertDesk() async throws {
        var view = Self.chrome("Alerts", "alerts")
        view.merge(LegacyAlertDeskView.list([], timelines: [:], users: [], canAct: true, now: PageFixtures.start)) {
            _, new in new
        }
        view["team"] = [[String: Any]]()
        view["showResolved"] = false
        try await Self.same(
            "alerts", legacy: view,
            typed: AlertDeskView(
                chrome: Self.typedChrome("Alerts", "alerts"), alerts: [], timelines: [:], users: [], team: [],
                canAct: true, showResolved: false, now: PageFixtures.start))
    }

    static let notifications = [
        DeskNotification(
            id: 1, at: PageFixtures.day(1), kind: .mention, conversationID: 42, conversationSubject: "Refund <now>",
            actorName: "Bo", text: "@ana can you <b>look</b>?", readAt: nil),
        DeskNotification(
            id: 2, at: PageFixtures.day(0), kind: .alert, conversationID: nil, conversationSubject: nil,
            actorName: nil, text: "", readAt: PageFixtures.day(1)),
    ]

    @Test(arguments: [0, 2])
    func notifications(count: Int) async throws {
        let now = PageFixtures.day(2)
        let items = Array(Self.notifications.prefix(count))
        var view = Self.chrome("Notifications", "notifications")
        view["items"] = items.map { n -> [String: Any] in
            var row: [String: Any] = [
                "text": NotificationsController.describe(n), "atISO": ViewFormat.iso(n.at),
                "atText": ViewFormat.relative(n.at, now: now), "unread": n.readAt == nil,
            ]
            row.setIfPresent("conversationID", n.conversationID)
            row.setIfPresent("note", n.text.isEmpty ? nil : n.text)
            return row
        }
        try await Self.same(
            "notifications", legacy: view,
            typed: NotificationsPage(
                chrome: Self.typedChrome("Notifications", "notifications"), notifications: items, now: now))
    }

    @Test func channels() async throws {
        let now = PageFixtures.day(2)
        var busy = ChannelActivity()
        busy.received = 12
        busy.lastReceivedAt = PageFixtures.day(1)
        busy.queued = 1
        busy.sent = 9
        busy.failed = 2
        busy.lastError = "token <expired>"
        let bodies = [
            ChannelsController.ChannelBody(
                setting: ChannelSetting(
                    network: .x, name: "X care", account: "@AcmeCare", repliesEnabled: true, defaultTeamID: 7),
                canSend: true, last7Days: busy),
            ChannelsController.ChannelBody(
                setting: ChannelSetting(
                    network: .email, name: "Mail <b>", account: "", repliesEnabled: false, defaultTeamID: nil),
                canSend: false, last7Days: ChannelActivity()),
        ]
        let teams: [(id: Int64, name: String)] = [(7, "Care & <Billing>"), (8, "Rapid")]
        var view = Self.chrome("Channels", "channels")
        view["channels"] = bodies.map { c -> [String: Any] in
            var row: [String: Any] = [
                "network": c.setting.network.rawValue, "name": c.setting.name, "account": c.setting.account,
                "repliesEnabled": c.setting.repliesEnabled, "canSend": c.canSend, "received": c.last7Days.received,
                "queued": c.last7Days.queued, "sent": c.last7Days.sent, "failed": c.last7Days.failed,
                "teams": teams.map { team -> [String: Any] in
                    ["id": team.id, "name": team.name, "selected": team.id == c.setting.defaultTeamID]
                },
            ]
            row.setIfPresent("lastReceived", c.last7Days.lastReceivedAt.map { ViewFormat.relative($0, now: now) })
            row.setIfPresent("lastError", c.last7Days.lastError)
            return row
        }
        try await Self.same(
            "channels", legacy: view,
            typed: ChannelsPage(
                chrome: Self.typedChrome("Channels", "channels"), channels: bodies, teams: teams, now: now))
    }

    static let answers = [
        SurveyResponse(
            id: 2, kind: .nps, score: 10, answeredAt: PageFixtures.day(1), customerID: 5, customerName: "Zoë <Z>",
            conversationID: 42, network: "x", teamID: 7, teamName: "Care", agentID: 11, agentName: "Ana",
            comment: "great & <fast>"),
        SurveyResponse(
            id: 1, kind: .csat, score: 2, answeredAt: PageFixtures.day(0), customerID: 6, customerName: "Al",
            conversationID: nil, network: "email", teamID: nil, teamName: nil, agentID: nil, agentName: nil,
            comment: nil),
    ]

    @Test(arguments: [0, 2])
    func surveys(count: Int) async throws {
        let rows = Array(Self.answers.prefix(count))
        let pairs = count == 0 ? [] : [("kind", "nps"), ("team", "7")]
        let limit = 2
        var view = Self.chrome("Survey answers", "dashboard")
        view["filters"] = pairs.map { ["name": $0.0, "value": $0.1] }
        view["count"] = rows.count
        view["truncated"] = rows.count == limit
        view["rows"] = rows.reversed().map { r -> [String: Any] in
            var row: [String: Any] = [
                "answeredISO": ViewFormat.iso(r.answeredAt), "answered": DashboardQuery.iso(r.answeredAt),
                "kind": r.kind.rawValue.uppercased(), "score": r.score, "customer": r.customerName,
                "customerLink": "/customers/\(r.customerID)", "network": r.network, "team": r.teamName ?? "–",
                "agent": r.agentName ?? "–", "comment": r.comment ?? "",
            ]
            if let id = r.conversationID { row["conversationLink"] = "/conversations/\(id)" }
            return row
        }
        try await Self.same(
            "surveys", legacy: view,
            typed: SurveyAnswersPage(
                chrome: Self.typedChrome("Survey answers", "dashboard"), answers: rows, filters: pairs, limit: limit))
    }

    static func mention(_ id: Int64, url: String?, followers: Int?) -> Mention {
        Mention(
            id: id, authorID: id,
            post: IncomingPost(
                network: .x, externalID: "m\(id)", url: url,
                author: Author(network: .x, externalID: "a\(id)", handle: "user<\(id)>", followers: followers),
                text: "Text <script>alert(\(id))</script>", createdAt: PageFixtures.day(1), origin: .public),
            matchedRuleIDs: [1], analysis: nil, ingestedAt: PageFixtures.day(1))
    }

    @Test(arguments: [0, 1])
    func mentions(variant: Int) async throws {
        let items =
            variant == 0
            ? []
            : [
                Self.mention(1, url: "https://x.com/1", followers: 10),
                Self.mention(2, url: "javascript:x", followers: nil),
            ]
        let kept = variant == 0 ? [] : [("network", "x"), ("q", "a b")]
        let next = variant == 0 ? nil : "CURSOR"
        var view = Self.chrome("Mentions", "mentions")
        view["filters"] = kept.map { ["name": $0.0, "value": $0.1] }
        view["rows"] = items.map { m -> [String: Any] in
            [
                "id": m.id, "createdISO": ViewFormat.iso(m.post.createdAt),
                "created": DashboardQuery.iso(m.post.createdAt),
                "network": m.post.network.rawValue, "author": m.post.author.handle,
                "followers": m.post.author.followers ?? 0, "sentiment": m.analysis?.sentiment.label.rawValue ?? "",
                "level": m.analysis?.level.rawValue ?? "", "text": m.post.text,
                "url": m.post.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil } ?? "",
            ]
        }
        if let next { view["next"] = DashboardQuery.link("/mentions", kept + [("cursor", next)]) }
        view["csvLink"] = DashboardQuery.link("/mentions.csv", kept)
        try await Self.same(
            "mentions", legacy: view,
            typed: MentionsPage(
                chrome: Self.typedChrome("Mentions", "mentions"), mentions: items, nextCursor: next, filters: kept))
    }

    static func survey(_ kind: SurveyKind, score: Int?) -> Survey {
        Survey(
            id: 1, kind: kind, customerID: 5, customerName: "Zoë <Z> Smith", conversationID: 42, network: "x",
            createdAt: PageFixtures.day(0), expiresAt: PageFixtures.day(9),
            answeredAt: score.map { _ in PageFixtures.day(1) },
            score: score, comment: nil, sharedOn: [], followupConversationID: nil)
    }

    @Test(arguments: [SurveyKind.csat, .nps], [nil, "Pick a score from 1 to 5."])
    func surveyQuestion(kind: SurveyKind, error: String?) async throws {
        let survey = Self.survey(kind, score: nil)
        var view = Self.chrome("Your opinion", "survey")
        view["question"] =
            survey.kind == .csat
            ? "How satisfied are you with the help you got?"
            : "How likely are you to recommend us to a friend or colleague?"
        view["legend"] =
            survey.kind == .csat ? "1 = very unhappy, 5 = very happy" : "0 = not at all, 10 = extremely likely"
        view["scores"] = Array(survey.kind.scores)
        view["token"] = "tok<en>"
        view.setIfPresent("error", error)
        try await Self.same(
            "survey", legacy: view,
            typed: SurveyPage.question(
                survey, token: "tok<en>", error: error, chrome: Self.typedChrome("Your opinion", "survey")))
    }

    @Test(arguments: [(SurveyKind.nps, 10), (.nps, 3), (.csat, 3), (.csat, 5)])
    func surveyThanks(kind: SurveyKind, score: Int) async throws {
        let survey = Self.survey(kind, score: score)
        var view = Self.chrome("Thank you", "survey")
        view["thanks"] = true
        view["name"] = survey.customerName.split(separator: " ").first.map(String.init) ?? survey.customerName
        view["promoter"] = survey.kind.isPromoter(score)
        view["detractor"] = survey.kind.isDetractor(score)
        view["token"] = "tok"
        view["shares"] = ShareLinks.networks.map { ["network": $0.key, "label": $0.label] }
        try await Self.same(
            "survey", legacy: view,
            typed: SurveyPage.thanks(survey, token: "tok", chrome: Self.typedChrome("Thank you", "survey")))
    }

    @Test func surveyMessage() async throws {
        var view: [String: Any] = ["title": "Survey", "page": "survey", "csrf": ""]
        view["message"] = "This survey has expired."
        try await Self.same(
            "survey", legacy: view,
            typed: SurveyPage.message("This survey has expired.", chrome: PageChrome(title: "Survey", page: "survey")))
    }
}
