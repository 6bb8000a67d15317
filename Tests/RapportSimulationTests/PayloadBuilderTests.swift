import Foundation
import RapportSimulation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Payload builders")
struct PayloadBuilderTests {
    static let tricky = "He said \"hi\"\\ then\nleft\t\u{1}😡 <b>&amp;</b> #Acme @AcmeMobile café"
    static let post = SimulatedPost(
        id: "1851234567890123456", text: tricky, createdAt: Date(timeIntervalSince1970: 1_763_626_502.5), likes: 3,
        title: "Réclamation ✉️")
    static let author = SimulatedAuthor(
        id: "98765432", handle: "samcarter", name: "Sam \"The\" Carter ☕", followers: 2_450_000, verified: true)

    @Test func jsonStringsRoundTrip() throws {
        let line = Payloads.xStreamLine(
            post: Self.post, author: Self.author, rules: [XMatchingRule(id: "1", tag: "acme-brand")])
        let json = try #require(SimulationTestSupport.json(line))
        #expect(SimulationTestSupport.value(json, ["data", "text"]) as? String == Self.tricky)
        #expect(SimulationTestSupport.value(json, ["data", "created_at"]) as? String == "2025-11-20T08:15:02.500Z")
        #expect(SimulationTestSupport.value(json, ["includes", "users", 0, "name"]) as? String == Self.author.name)
        #expect(SimulationTestSupport.value(json, ["matching_rules", 0, "tag"]) as? String == "acme-brand")
        #expect(SimulationTestSupport.value(json, ["data", "entities", "hashtags", 0, "tag"]) as? String == "Acme")
        let chat = Payloads.webChatMessage(post: Self.post, author: Self.author, sessionID: "s-1")
        #expect(SimulationTestSupport.json(chat)?["text"] as? String == Self.tricky)
        let jet = Payloads.jetstreamLine(post: Self.post, author: SimulationTestSupport.blueskyAuthor)
        #expect(
            SimulationTestSupport.value(SimulationTestSupport.json(jet), ["commit", "record", "text"]) as? String
                == Self.tricky)
    }

    @Test func mastodonContentIsEscapedHTML() throws {
        let status = Payloads.mastodonStatus(post: Self.post, author: Self.author, instance: "mastodon.example")
        let content = try #require(SimulationTestSupport.json(status)?["content"] as? String)
        #expect(content.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;"))
        #expect(content.contains(#"class="mention hashtag""#))
        #expect(!content.contains("<b>"))
    }

    @Test func emailEncodesNonASCIIHeaders() {
        let email = Payloads.email(post: Self.post, author: Self.author, to: "support@acme.example")
        #expect(email.contains("Subject: =?UTF-8?B?"))
        #expect(email.contains("Date: Thu, 20 Nov 2025 08:15:02 +0000\r\n"))
        #expect(email.hasSuffix("café\r\n"))
    }

    @Test func rssEscapesTitlesAndKeepsCDATAWellFormed() {
        var post = Self.post
        post.text = "a ]]> b"
        let feed = Payloads.rssFeed(
            post: post, author: Self.author, channelTitle: "News & Reviews", siteURL: "https://x.example/")
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        #expect(feed.contains("News &amp; Reviews"))
    }

    @Test func blueskyTIDsSortByTime() {
        let a = Payloads.blueskyTID(micros: 1_763_626_812_345_678, clockID: 1)
        let b = Payloads.blueskyTID(micros: 1_763_626_812_345_679, clockID: 0)
        #expect(a.count == 13 && a < b)
    }
}

extension SimulationTestSupport {
    static let blueskyAuthor = SimulatedAuthor(
        id: "did:plc:4xk2m7r6w5cz3p2q1lk9abcd", handle: "tess.bsky.social", name: "Tess")
}
