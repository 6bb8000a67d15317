import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// The community (#16) in real headless Chromium.
@Suite(
    "Community in a real browser", .serialized,
    .enabled(
        if: WebDriver.chromedriverPath != nil || ProcessInfo.processInfo.environment["RAPPORT_REQUIRE_BROWSER"] != nil,
        "needs chromedriver (set RAPPORT_REQUIRE_BROWSER to fail instead of skipping)"))
struct CommunityBrowserTests {
    @Test(
        "a member signs in by link and submits an idea; another votes twice and it counts once; a moderator plans it and the voter is emailed; hostile markup stays text"
    )
    func ideaFlow() async throws {
        let recorder = MailRecorder()
        try await TestApp.withServices(.sqlite, communityMail: recorder.mail) { config, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let app = Application(
                router: buildRouter(config, services: services),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let site = "http://127.0.0.1:\(try #require(client.port))"
                let actions = services.community.actions
                func link(_ email: String, _ name: String) async throws -> String {
                    let invitation = try await actions.invite(email: email, name: name, address: nil)
                    return site + (try #require(URLComponents(string: invitation.link)?.path))
                }
                let hostile = #"<script>alert(1)</script><img src=x onerror=alert(2)>"#
                var ideaID: Int64 = 0

                try await WebDriver.with { browser in
                    try await browser.open(try await link("ana@example.org", "Ana"))
                    #expect(try await browser.waitForText("h1").contains("Ana"), "signed in, on the profile")
                    try await browser.open(site + "/community/ideas/new")
                    try await browser.type(try await browser.waitFor("input[name=title]"), "Tablet eSIM " + hostile)
                    try await browser.type(try await browser.find("textarea[name=body]"), "For my iPad " + hostile)
                    try await browser.click(
                        try await browser.find("form[action='/community/ideas'] button[type=submit]"))
                    #expect(try await browser.waitForText("main").contains("waiting for a moderator"))
                    let url = try await browser.currentURL()
                    ideaID = try #require(Int64(url.components(separatedBy: "/community/ideas/").last ?? ""))
                }
                let approved = try await client.execute(
                    uri: "/api/v1/community/moderation/\(ideaID)/approve", method: .post, headers: supervisor)
                #expect(approved.status == .ok)

                try await WebDriver.with { browser in
                    try await browser.open(try await link("bo@example.org", "Bo"))
                    _ = try await browser.waitFor("dd.points")
                    try await browser.open(site + "/community/ideas/\(ideaID)")
                    for expected in ["1", "0", "1"] {
                        try await browser.click(try await browser.waitFor("form.vote button[type=submit]"))
                        #expect(try await browser.waitForText(".vote-count") == expected)
                    }
                    #expect(try await services.community.posts.post(id: ideaID)?.votes == 1)
                    let planned = try await client.execute(
                        uri: "/api/v1/community/ideas/\(ideaID)/status", method: .post, headers: supervisor,
                        body: ByteBuffer(string: #"{"status":"planned","response":"In the spring release."}"#))
                    #expect(planned.status == .ok)
                    try await browser.open(site + "/community/ideas/\(ideaID)")
                    #expect(try await browser.waitForText(".official-response").contains("In the spring release."))
                    let title = try await browser.waitForText("h1")
                    #expect(title.contains("<script>alert(1)</script>"), "rendered as text: \(title)")
                    let injected = try await browser.script(
                        "return document.querySelectorAll('img[onerror], script:not([src])').length")
                    #expect((injected as? Int) == 0)
                    try await browser.screenshot(to: BrowserTests.artifacts + "/community-idea.png")
                }
                try await eventually { recorder.all.count == 1 }
                #expect(recorder.all.first?.to == "bo@example.org")
                #expect(recorder.all.first?.subject.hasPrefix("Planned: Tablet eSIM") == true)
            }
        }
    }
}
