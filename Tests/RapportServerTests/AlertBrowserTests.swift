import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportIngest
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

extension BrowserTests {
    /// `count` X posts mentioning @AcmeMobile, one NDJSON line each, dated `start` + i × `step` seconds.
    static func acmePosts(_ prefix: String, count: Int, start: Date, step: TimeInterval, text: String) -> String {
        let iso = ISO8601DateFormatter()
        return (0..<count).map { i in
            let at = iso.string(from: start.addingTimeInterval(Double(i) * step))
            return
                #"{"data":{"id":"\#(prefix)\#(i)","text":"@AcmeMobile \#(text) \#(i)","author_id":"\#(prefix)a\#(i % 7)","created_at":"\#(at)"},"includes":{"users":[{"id":"\#(prefix)a\#(i % 7)","name":"Caller \#(i % 7)","username":"caller\#(prefix)\#(i % 7)","public_metrics":{"followers_count":\#(100 + i)}}]}}"#
        }.joined(separator: "\n")
    }

    @Test("an injected spike raises a live alert in the desk's alert queue; an agent acknowledges it")
    func alertFlow() async throws {
        try await TestApp.withServices(.sqlite, alertTeam: ["agent@acme.test"]) { config, services in
            _ = try await DeskTest.people(services)
            let app = Application(
                router: buildRouter(config, services: services),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let site = "http://127.0.0.1:\(try #require(client.port))"
                // Two and a half quiet hours (2 posts per 5 minutes) teach the detector the rule's level; the posts
                // carry their own times, four hours ago, as a connector catching up would deliver them.
                let bucket: TimeInterval = 300
                let origin = Date(
                    timeIntervalSince1970: (Date().timeIntervalSince1970 / bucket).rounded(.down) * bucket - 4 * 3_600)
                let history = Self.acmePosts(
                    "h", count: 60, start: origin.addingTimeInterval(30), step: 150, text: "is the new plan out yet")
                try await client.execute(
                    uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: history)
                ) { #expect($0.status == .ok) }
                #expect(try await eventually { services.alerts.backlog == 0 })
                #expect(try await services.alerts.store.list().isEmpty, "quiet history raises nothing")

                try await WebDriver.with { browser in
                    try await browser.open(site + "/inbox/alerts")
                    try await browser.signIn("agent@acme.test")
                    _ = try await browser.waitFor("#alert-list")
                    #expect(try await browser.currentURL().hasSuffix("/inbox/alerts"))
                    #expect((try? await browser.find("#alert-list [data-alert]")) == nil, "no alert yet")
                    // The page's live streams (the bell's and the alert queue's) are connected before the spike.
                    #expect(try await eventually { services.desk.streams.open >= 2 })
                    // A marker that a reload would wipe.
                    _ = try await browser.script("window.rapportMarker = 42; return 1")

                    // The spike: 40 posts in one five-minute bucket, and a later post that closes it.
                    let spikeStart = origin.addingTimeInterval(155 * 60)
                    let spike =
                        Self.acmePosts(
                            "s", count: 40, start: spikeStart.addingTimeInterval(5), step: 7,
                            text: "outage no signal anywhere <b>again</b>")
                        + "\n"
                        + Self.acmePosts(
                            "c", count: 1, start: spikeStart.addingTimeInterval(12 * 60), step: 0, text: "still down")
                    try await client.execute(
                        uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: spike)
                    ) { #expect($0.status == .ok) }

                    let cardText = try await browser.waitForText("#alert-list [data-alert]", timeout: .seconds(90))
                    #expect(cardText.contains("posts/h"), "evidence shown: \(cardText)")
                    #expect(
                        (try await browser.script("return window.rapportMarker || 0") as? Int) == 42,
                        "the alert arrived without a reload")
                    #expect(
                        (try await browser.script("return document.querySelectorAll('#alert-list b').length") as? Int)
                            == 0, "post text stays text")
                    // The agent is on the rapid-response team: the bell rings (its own event, after the card's or before).
                    var unread = 0
                    for _ in 0..<150 where unread < 1 {
                        let text = try await browser.script("return document.getElementById('unread').textContent")
                        unread = Int(text as? String ?? "") ?? 0
                        if unread < 1 { try await Task.sleep(for: .milliseconds(100)) }
                    }
                    #expect(unread >= 1, "bell: \(unread)")
                    try await browser.screenshot(to: Self.artifacts + "/alerts-live.png")

                    try await browser.click(try await browser.find("#alert-list button.acknowledge"))
                    #expect(
                        try await browser.waitForText("#alert-list [data-status=acknowledged]").contains(
                            "Agent Person acknowledged"))
                    try await browser.screenshot(to: Self.artifacts + "/alerts-acknowledged.png")
                }
                let stored = try await services.alerts.store.list()
                #expect(stored.contains { $0.status == .acknowledged && $0.ruleID != nil })
            }
        }
    }
}
