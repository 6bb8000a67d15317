import Foundation
import RapportCore
import Testing

@testable import RapportFormats

@Suite("Email and mbox")
struct EmailTests {
    @Test func emlFixture() throws {
        let outcome = try Fixture.parse(.email, "email.eml")
        let post = try #require(outcome.posts.first)
        #expect(post.network == .email)
        #expect(post.externalID == "CAF=abc123@mail.example.org")
        #expect(post.url == nil)
        #expect(post.title == "Refund for order #88213 – still waiting")
        #expect(
            post.text
                == "Hello,\n\nI returned the headset on 2 November and I am still waiting for the refund of £89.99. I also tweeted you as @danaw yesterday.\n\nDana"
        )
        #expect(post.createdAt == date("2026-11-20T09:12:44Z"))
        #expect(post.kind == .email)
        #expect(post.origin == .owned)
        #expect(post.inReplyToID == nil)
        #expect(post.threadID == nil)
        #expect(
            post.author
                == Author(
                    network: .email, externalID: "dana.whitfield@example.org", handle: "dana.whitfield@example.org",
                    displayName: "Dana Whitfield"))
    }

    static let nested = """
        From: =?ISO-8859-1?Q?Jos=E9_P=E9rez?= <Jose@Example.COM>
        Subject: =?utf-8?B?w4lsw6luYQ==?= =?utf-8?Q?_caf=C3=A9?= ok
        Date: 20 Nov 26 09:00 GMT
        Message-ID: <m2@x>
        In-Reply-To: <m1@x>
        References: <root@x> <m1@x>
        Content-Type: multipart/mixed; boundary="outer"

        preamble
        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/html; charset=windows-1252
        Content-Transfer-Encoding: quoted-printable

        <p>=93Quoted=94 &amp; caf=E9</p>
        --inner--
        --outer
        Content-Type: text/plain; charset=utf-8
        Content-Disposition: attachment; filename="a.txt"
        Content-Transfer-Encoding: base64

        aWdub3JlZA==
        --outer--
        """

    @Test func nestedMultipartEncodedWordsAndThreading() throws {
        let post = try #require(try parse(.email, Self.nested.replacingOccurrences(of: "\n", with: "\r\n")).posts.first)
        #expect(post.author.displayName == "José Pérez")
        #expect(post.author.externalID == "jose@example.com")
        #expect(post.title == "Éléna café ok")
        #expect(post.text == "“Quoted” & café")
        #expect(post.inReplyToID == "m1@x")
        #expect(post.threadID == "root@x")
        #expect(post.createdAt == date("2026-11-20T09:00:00Z"))
    }

    @Test func base64PlainTextLatin1AndFoldedHeaders() throws {
        let eml = """
            From: bob@example.net (Bob)
            Subject: a very long
             folded subject
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: base64

            Y2Fm6Q==
            """
        let post = try #require(
            try PayloadParser.parse(.email, Array(eml.utf8), receivedAt: Date(timeIntervalSince1970: 5)).posts.first)
        #expect(post.title == "a very long folded subject")
        #expect(post.text == "café")
        #expect(post.author.displayName == "Bob")
        #expect(post.createdAt == Date(timeIntervalSince1970: 5))
        // No Message-ID: a stable fingerprint, the same on redelivery.
        #expect(post.externalID.hasPrefix("rapport:"))
        #expect(try parse(.email, eml).posts.first?.externalID == post.externalID)
    }

    @Test(arguments: [
        ("", FormatError.Code.emptyDocument),
        ("just some text without headers\n\nbody", .malformedMIME),
        ("Subject: no from\n\nbody", .missingField),
        ("From: nobody\n\nbody", .invalidValue),
        ("From: a@b\nDate: the day after\n\nbody", .invalidDate),
        ("From: a@b\nContent-Type: multipart/mixed\n\nbody", .malformedMIME),
    ])
    func badEmailsAreRefused(eml: String, code: FormatError.Code) {
        #expect { try parse(.email, eml) } throws: { ($0 as? FormatError)?.code == code }
    }

    @Test func mimeNestingIsBounded() {
        var eml = "From: a@b\n"
        for i in 0..<40 { eml += "Content-Type: multipart/mixed; boundary=b\(i)\n\n--b\(i)\n" }
        #expect { try parse(.email, eml) } throws: { ($0 as? FormatError)?.code == .tooDeep }
    }

    @Test func mboxSplitsAndUnescapes() throws {
        let mbox = """
            From dana@example.org Fri Nov 20 09:12:44 2026
            From: dana@example.org
            Message-ID: <1@x>

            first line
            >From the start
            >>From deeper

            From bob@example.org Fri Nov 20 09:13:00 2026
            Subject: no sender

            body
            From carol@example.org Fri Nov 20 09:14:00 2026
            From: carol@example.org
            Message-ID: <3@x>

            third
            """
        let outcome = try parse(.mbox, mbox)
        #expect(outcome.posts.map(\.externalID) == ["1@x", "3@x"])
        #expect(outcome.posts[0].text == "first line\nFrom the start\n>From deeper")
        #expect(outcome.failures.map(\.location) == [.item(2)])
        #expect(outcome.failures.first?.error.code == .missingField)
    }
}

extension String {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
