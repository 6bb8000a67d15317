import Foundation
import RapportCore
import Testing

@testable import RapportFormats

@Suite("RSS and Atom")
struct FeedTests {
    @Test func rssFixture() throws {
        let outcome = try Fixture.parse(.rss, "feed-rss.xml")
        #expect(try Fixture.parse(.feed, "feed-rss.xml") == outcome)
        let post = try #require(outcome.posts.first)
        #expect(outcome.posts.count == 1)
        #expect(post.network == .feed)
        #expect(post.externalID == "gw-2026-11-19-acme-x2")
        #expect(post.url == "https://gadgetweekly.example/reviews/acme-x2")
        #expect(post.title == "Acme Mobile X2 review: great battery, awful app")
        #expect(post.text == "The Acme X2 lasts two days on a charge, but the companion app crashes constantly.")
        #expect(post.createdAt == date("2026-11-19T17:00:00Z"))
        #expect(post.kind == .article)
        #expect(post.origin == .publicStream)
        #expect(post.language == nil)
        #expect(
            post.author
                == Author(
                    network: .feed, externalID: "gadgetweekly.example/R. Okafor", handle: "R. Okafor",
                    displayName: "R. Okafor", profileURL: "https://gadgetweekly.example/"))
    }

    @Test func atomFixture() throws {
        let outcome = try Fixture.parse(.atom, "feed-atom.xml")
        #expect(try Fixture.parse(.feed, "feed-atom.xml") == outcome)
        let post = try #require(outcome.posts.first)
        #expect(post.externalID == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a")
        #expect(post.url == "https://forum.example/t/billing-twice/8812")
        #expect(post.title == "Billing twice for the same month?")
        #expect(post.text == "I was charged twice in November. Anyone else?")
        #expect(post.createdAt == date("2026-11-20T08:58:00Z"))
        #expect(post.kind == .article)
        #expect(post.author == Author(network: .feed, externalID: "alex_m", handle: "alex_m", displayName: "alex_m"))
    }

    @Test func wrongRootIsRefused() {
        #expect {
            try Fixture.parse(.atom, "feed-rss.xml")
        } throws: { ($0 as? FormatError)?.code == .unsupportedEvent }
    }

    @Test(arguments: [
        (
            #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>"#,
            FormatError.Code.xmlEntityDeclaration
        ),
        (
            #"<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel/></rss>"#,
            .xmlEntityDeclaration
        ),
        (
            #"<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss/>"#,
            .xmlDoctype
        ),
        ("<rss><channel><item><title>a &nbsp; b</title></item></channel></rss>", .malformedXML),
        ("<rss><channel></rss>", .malformedXML),
        ("<rss><channel><title>x</title></channel>", .malformedXML),
        ("", .emptyDocument),
        ("not xml", .malformedXML),
        (#"<?xml version="1.0" encoding="EBCDIC"?><rss/>"#, .unsupportedEncoding),
    ])
    func hostileXMLIsRefused(document: String, code: FormatError.Code) {
        #expect {
            try parse(.feed, document)
        } throws: { ($0 as? FormatError)?.code == code }
    }

    @Test func deepNestingAndInvalidUTF8AreRefused() {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect { try parse(.feed, deep) } throws: { ($0 as? FormatError)?.code == .tooDeep }
        let bytes = Array("<rss><channel><title>".utf8) + [0xC3, 0x28] + Array("</title></channel></rss>".utf8)
        #expect { try PayloadParser.parse(.rss, bytes) } throws: { ($0 as? FormatError)?.code == .invalidUTF8 }
    }

    @Test func entitiesCDATALatin1AndBadItems() throws {
        let xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <rss version="2.0"><channel><title>Caf\u{E9}</title><language>fr-FR</language>
            <item><title>Fish &amp; chips &#8364;5 &#x1F600;</title><guid>g1</guid><description>&lt;p&gt;caf\u{E9} &amp;amp; cr\u{E8}me&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
            <item><title>bad date</title><guid>g2</guid><pubDate>someday</pubDate></item>
            <item><guid>g3</guid><description><![CDATA[<b>x</b> &amp; <i>y</i>]]></description><pubDate>2026-11-20T10:00:00+01:00</pubDate></item>
            </channel></rss>
            """
        // Encode as Latin-1 bytes, as the declaration says.
        let bytes = xml.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let outcome = try PayloadParser.parse(.rss, bytes, receivedAt: Date(timeIntervalSince1970: 7))
        #expect(outcome.posts.count == 2)
        #expect(outcome.posts[0].title == "Fish & chips €5 😀")
        #expect(outcome.posts[0].text == "café & crème")
        #expect(outcome.posts[0].language == "fr")
        #expect(outcome.posts[0].createdAt == Date(timeIntervalSince1970: 7))
        #expect(outcome.posts[0].author.handle == "Café")
        #expect(outcome.posts[1].text == "x & y")
        #expect(outcome.posts[1].createdAt == date("2026-11-20T09:00:00Z"))
        #expect(outcome.failures.map(\.location) == [.item(2)])
        #expect(outcome.failures.first?.error.code == .invalidDate)
    }

    @Test func atomXHTMLAndMissingId() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title type="html">Forum &amp;lt;3</title>
            <author><name>Team</name></author>
            <entry><id>e1</id><title>T</title><published>2026-11-20T08:00:00Z</published>
            <link rel="self" href="https://f/self"/><link rel="alternate" href="https://f/e1"/>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b> 1 &lt; 2</p></div></content></entry>
            <entry><title>no id</title></entry></feed>
            """
        let outcome = try parse(.atom, xml)
        let post = try #require(outcome.posts.first)
        #expect(post.text == "Hello world 1 < 2")
        #expect(post.url == "https://f/e1")
        #expect(post.author.handle == "Team")
        #expect(post.language == "de")
        #expect(outcome.failures.map(\.location) == [.item(2)])
    }
}
