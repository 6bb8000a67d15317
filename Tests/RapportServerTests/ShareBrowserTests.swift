import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// Share (#15) in real headless Chromium: a known incident reaches an agent's open page live.
@Suite(
    "Share in a real browser", .serialized,
    .enabled(
        if: WebDriver.chromedriverPath != nil || ProcessInfo.processInfo.environment["RAPPORT_REQUIRE_BROWSER"] != nil,
        "needs chromedriver (set RAPPORT_REQUIRE_BROWSER to fail instead of skipping)"))
struct ShareBrowserTests {
    @Test(
        "an agent sees a new incident's banner live, acknowledges it, opens a matching conversation, sees the incident and a suggested article, inserts it and sends"
    )
    func incidentFlow() async throws {
        try await BrowserTests.withLiveDesk { client, site, services in
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: AnnouncementTests.chat("m-1", visitor: "v-1", text: "My phone has no signal since noon")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let conversation = try #require(
                try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            let supervisor = try #require(try await services.desk.users.credentials(email: "supervisor@acme.test"))
            let token = APITokens.generate()
            _ = try await services.tokens.create(
                name: "sup", tokenHash: APITokens.hash(token), userID: supervisor.user.id)

            // An article written for this need, published in the knowledge base.
            let article = try await client.execute(
                uri: "/api/v1/kb/articles", method: .post, headers: DeskTest.bearer(token),
                body: ByteBuffer(
                    string:
                        #"{"title":"No signal on your phone","body":"Restart the phone, then check that mobile data is on.","visibility":"public","status":"published"}"#
                ))
            #expect(article.status == .created)

            try await WebDriver.with { browser in
                try await browser.open(site + "/inbox?queue=all")
                try await browser.signIn("agent@acme.test")
                _ = try await browser.waitFor("table.conversations")
                #expect((try? await browser.find("#announcements .announcement")) == nil)
                // The page's live stream is open before the incident is posted.
                _ = try await eventually { services.desk.streams.open >= 1 }

                let posted = try await client.execute(
                    uri: "/api/v1/announcements", method: .post, headers: DeskTest.bearer(token),
                    body: ByteBuffer(
                        string:
                            #"{"title":"Mobile network outage","body":"Engineers are on it.","query":"\"no signal\" OR outage","suggestedReply":"Sorry: a network outage in your area, fixed by 18:00."}"#
                    ))
                #expect(posted.status == .created)
                let banner = try await browser.waitForText(
                    "#announcements .announcement.incident", timeout: .seconds(30))
                #expect(banner.contains("Known incident: Mobile network outage"))
                try await browser.screenshot(to: BrowserTests.artifacts + "/incident-banner.png")
                try await browser.click(try await browser.find("#announcements .announcement button[type=submit]"))
                _ = try await browser.waitFor("table.conversations")
                #expect((try? await browser.find("#announcements .announcement")) == nil, "acknowledged: gone")

                // The suggestion index is rebuilt in the background after an article changes: reload until it shows.
                var suggested = false
                for _ in 0..<30 where !suggested {
                    try await browser.open(site + "/conversations/\(conversation.id)")
                    _ = try await browser.waitFor(".incidents .incident")
                    suggested = (try? await browser.find(".kb-suggestions li[data-kb-article] button.kb-insert")) != nil
                    if !suggested { try await Task.sleep(for: .milliseconds(500)) }
                }
                #expect(suggested, "the article is suggested for the customer's message")
                #expect(try await browser.waitForText(".incidents .incident").contains("Mobile network outage"))
                try await browser.click(try await browser.find("button.use-reply"))
                let typed = try await browser.script("return document.getElementById('reply').value")
                #expect(typed as? String == "Sorry: a network outage in your area, fixed by 18:00.")
                try await browser.click(try await browser.find(".kb-suggestions button.kb-insert[data-mode=text]"))
                let withArticle = try await browser.script("return document.getElementById('reply').value") as? String
                #expect(withArticle?.contains("Restart the phone") == true, "\(withArticle ?? "")")
                try await browser.click(try await browser.find("form.composer button[type=submit]"))
                let sentText = try await browser.waitForText(".msg.out .body")
                #expect(sentText.contains("a network outage in your area") && sentText.contains("Restart the phone"))
                try await browser.screenshot(to: BrowserTests.artifacts + "/incident-conversation.png")
            }
        }
    }

    @Test(
        "a visitor writes on /chat without signing in, sees the message without a reload, and the agent's reply arrives live"
    )
    func webChat() async throws {
        try await BrowserTests.withLiveDesk { client, site, services in
            let agent = try #require(try await services.desk.users.credentials(email: "agent@acme.test"))
            let token = APITokens.generate()
            _ = try await services.tokens.create(name: "ag", tokenHash: APITokens.hash(token), userID: agent.user.id)
            try await WebDriver.with { browser in
                try await browser.open(site + "/chat")
                #expect(try await browser.find("a[href='/help']").isEmpty == false)
                try await browser.type(try await browser.find("input[name=name]"), "Ana <b>Silva</b>")
                try await browser.type(try await browser.find("#chat-text"), "Where is my <i>order</i>?")
                _ = try await browser.script("window.stillHere = true; return 1")
                try await browser.click(try await browser.find("#chat-form button[type=submit]"))
                let mine = try await browser.waitForText("#chat-log li.chat-visitor p", timeout: .seconds(30))
                #expect(mine == "Where is my <i>order</i>?")
                #expect(try await browser.script("return window.stillHere === true") as? Bool == true, "no reload")

                try await DeskTest.settle(services)
                let conversation = try #require(
                    try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
                let reply = try await client.execute(
                    uri: "/api/v1/conversations/\(conversation.id)/replies", method: .post,
                    headers: DeskTest.bearer(token),
                    body: ByteBuffer(string: #"{"text":"It left our warehouse today."}"#))
                #expect(reply.status == .created)
                let answer = try await browser.waitForText("#chat-log li.chat-agent p", timeout: .seconds(30))
                #expect(answer == "It left our warehouse today.")
                try await browser.screenshot(to: BrowserTests.artifacts + "/webchat.png")
            }
        }
    }
}
