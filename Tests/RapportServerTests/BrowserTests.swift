import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// The desk in real headless Chromium (Debian's `chromium` and `chromium-driver`; `.ci/run` installs
/// them). Screenshots are saved under `.build/test-artifacts/`.
@Suite(
    "Desk in a real browser", .serialized,
    .enabled(
        if: WebDriver.chromedriverPath != nil || ProcessInfo.processInfo.environment["RAPPORT_REQUIRE_BROWSER"] != nil,
        "needs chromedriver (set RAPPORT_REQUIRE_BROWSER to fail instead of skipping)"))
struct BrowserTests {
    static var artifacts: String {
        ProcessInfo.processInfo.environment["RAPPORT_TEST_ARTIFACTS"]
            ?? FileManager.default.currentDirectoryPath + "/.build/test-artifacts"
    }

    /// A desk with a user per role, served on a real port for the browser.
    static func withLiveDesk(
        _ body: @Sendable @escaping (any TestClientProtocol, String, RapportServices) async throws -> Void
    ) async throws {
        try await TestApp.withServices(.sqlite) { config, services in
            _ = try await DeskTest.people(services)
            let app = Application(
                router: buildRouter(config, services: services),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                try await body(client, "http://127.0.0.1:\(try #require(client.port))", services)
            }
        }
    }

    @Test(
        "sign in, see an urgent mention arrive live, open it, reply, resolve: it leaves the queue; hostile text stays text"
    )
    func agentFlow() async throws {
        try await Self.withLiveDesk { client, site, services in
            try await WebDriver.with { browser in
                try await browser.open(site + "/inbox?queue=urgent")
                // Signed out: the inbox sends us to the sign-in form, which brings us back.
                try await browser.signIn("agent@acme.test")
                _ = try await browser.waitFor("table.conversations")
                #expect(try await browser.currentURL().hasSuffix("/inbox?queue=urgent"))
                #expect((try? await browser.find("#rows tr[data-id]")) == nil, "the urgent queue starts empty")

                // A celebrity's churn threat arrives while the page is open.
                let hostile = #"<script>alert(1)</script> \"><img src=x onerror=alert(2)>"#
                let line =
                    #"{"data":{"id":"1861","text":"@AcmeMobile no signal for 3 days, I am cancelling my contract and switching to Globex \#(hostile)","author_id":"77","created_at":"2026-11-20T08:15:02.000Z"},"includes":{"users":[{"id":"77","name":"Dana W","username":"danaw","verified":true,"public_metrics":{"followers_count":2400000}}]}}"#
                try await client.execute(
                    uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
                ) { #expect($0.status == .ok) }
                let rowText = try await browser.waitForText("#rows tr[data-id]")
                #expect(rowText.contains("<script>alert(1)</script>"), "rendered as text: \(rowText)")
                let injected = try await browser.script(
                    "return document.querySelectorAll('img[onerror], script:not([src])').length")
                #expect((injected as? Int) == 0)
                try await browser.screenshot(to: Self.artifacts + "/inbox.png")

                // Opened by its link's address: the live rows may be swapped in again between finding and clicking.
                let href = try await browser.script(
                    "return document.querySelector('#rows tr[data-id] td.subject a').getAttribute('href')")
                try await browser.open(site + (href as? String ?? ""))
                #expect(try await browser.waitForText(".msg.in .body").contains(#"<img src=x onerror=alert(2)>"#))
                #expect(
                    (try await browser.script("return document.querySelectorAll('img[onerror]').length") as? Int)
                        == 0)
                try await browser.screenshot(to: Self.artifacts + "/conversation.png")

                try await browser.type(
                    try await browser.find("#reply"), "Sorry Dana, we're on it. Could you DM us your number?")
                try await browser.click(try await browser.find("form.composer button[type=submit]"))
                #expect(try await browser.waitForText(".msg.out .body").contains("we're on it"))
                try await browser.click(try await browser.find("button[data-key=e]"))
                #expect(try await browser.waitForText(".status") == "resolved")

                try await browser.open(site + "/inbox?queue=urgent")
                _ = try await browser.waitFor("table.conversations")
                #expect((try? await browser.find("#rows tr[data-id]")) == nil, "resolved: it left the queue")
            }
            let c = try #require(
                try await services.desk.conversations.inbox(InboxQuery(queue: .all, status: "resolved")).first)
            #expect(c.firstResponseAt != nil)
        }
    }

    @Test(
        "the dashboard renders its charts from today's mentions, and a chart point drills down to the mentions behind it"
    )
    func dashboard() async throws {
        try await Self.withLiveDesk { client, site, services in
            let hourAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3_600))
            let lines = (1...6).map { i in
                #"{"data":{"id":"d\#(i)","text":"@AcmeMobile \#(i % 2 == 0 ? "love the new plan" : "no signal again, awful")","author_id":"a\#(i)","created_at":"\#(hourAgo)"},"includes":{"users":[{"id":"a\#(i)","name":"Fan \#(i)","username":"fan\#(i)"}]}}"#
            }.joined(separator: "\n")
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: lines)
            ) { #expect($0.status == .ok) }
            try await WebDriver.with { browser in
                try await browser.open(site + "/dashboard")
                try await browser.signIn("analyst@acme.test")
                _ = try await browser.waitFor("figure.chart svg")
                let charts = try await browser.script("return document.querySelectorAll('figure.chart svg').length")
                #expect(((charts as? Int) ?? 0) >= 4, "volume, sentiment, share of voice, funnel…")
                try await browser.screenshot(to: Self.artifacts + "/dashboard.png")
                let href = try await browser.script(
                    "var a = document.querySelector('#chart-funnel svg a'); return a ? a.getAttribute('href') : null"
                )
                let link = try #require(href as? String)
                try await browser.open(site + link)
                _ = try await browser.waitFor("table")
                let rows = try await browser.script("return document.querySelectorAll('td.text').length")
                #expect(((rows as? Int) ?? 0) > 0, "the drill-down lists the mentions behind the point: \(link)")
            }
        }
    }
}
