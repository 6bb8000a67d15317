import Foundation
import Testing

@testable import RapportCore

/// What each construct matches.
@Suite struct QueryMatchingTests {
    private func matches(_ query: String, _ document: MatchDocument) throws -> Bool {
        try ListeningQuery.compile(query).matches(document)
    }

    private func matches(_ query: String, _ text: String) throws -> Bool {
        try matches(query, MatchDocument(text: text))
    }

    @Test func termsAreCaseInsensitiveWholeWords() throws {
        #expect(try matches("acme", "Loving my new ACME phone"))
        #expect(try matches("acme", "acme, acme!"))
        #expect(try !matches("acme", "acmestore is down"))
        #expect(try !matches("acme", "the macmeister"))
        #expect(try matches("acme", "Acme's support is slow"))
    }

    @Test func termsAreAccentInsensitive() throws {
        #expect(try matches("cafe", "Le Café Acme"))
        #expect(try matches("café", "le cafe acme"))
        #expect(try matches("telefono", "Mi teléfono de Acme no funciona"))
        #expect(try matches("strasse", "Acme in der Straße"))
        // Decomposed input (e + combining acute) folds like the precomposed one.
        #expect(try matches("cafe", "cafe\u{301} acme"))
        #expect(try matches("überweisung", "UEBERWEISUNG ueberweisung Überweisung"))
    }

    @Test func prefixWildcard() throws {
        #expect(try matches("acme*", "AcmeMobile is great"))
        #expect(try matches("acme*", "acme"))
        #expect(try !matches("acme*", "the macme"))
        #expect(try matches("outag*", "big outages today"))
    }

    @Test func phrasesNeedConsecutiveTokens() throws {
        #expect(try matches("\"acme mobile\"", "I use Acme Mobile daily"))
        #expect(try matches("\"acme mobile\"", "acme-mobile, acme.mobile"))
        #expect(try !matches("\"acme mobile\"", "mobile acme"))
        #expect(try !matches("\"acme mobile\"", "acme great mobile"))
        #expect(try matches("\"no signal\"", "Still NO SIGNAL since noon"))
        #expect(
            try !matches("\"acme mobile\"", MatchDocument(text: "mobile is bad", title: "I love acme")))
    }

    @Test func hashtagsMatchOnlyHashtagsButPlainTermsMatchHashtagsToo() throws {
        #expect(try matches("#acme", "down again #acme"))
        #expect(try !matches("#acme", "down again acme"))
        #expect(try matches("acme", "down again #Acme"))
        #expect(try matches("#acme", MatchDocument(text: "down again", hashtags: ["ACME"])))
        #expect(try matches("acme", MatchDocument(text: "down again", hashtags: ["#acme"])))
        #expect(try !matches("#acme", "issue#acme"))
    }

    @Test func handlesMatchMentionsAndAtTokens() throws {
        #expect(try matches("@acmemobile", "hey @AcmeMobile fix this"))
        #expect(
            try matches("@acmemobile", MatchDocument(text: "fix this", mentionedHandles: ["AcmeMobile"])))
        #expect(
            try matches("@acmemobile", MatchDocument(text: "fix this", mentionedHandles: ["@acmemobile"]))
        )
        #expect(try !matches("@acmemobile", "acmemobile fix this"))
        #expect(try matches("acmemobile", "hey @AcmeMobile"))
        #expect(try !matches("@acme", "mail sam@acme.com"))
        #expect(try matches("@tess.bsky.social", "cc @tess.bsky.social."))
        #expect(try matches("\"tess bsky\"", "cc @tess.bsky.social"))
        #expect(try matches("@kim@mastodon.example", "cc @kim@mastodon.example"))
    }

    @Test func booleanOperators() throws {
        let text = "Acme outage in Berlin"
        #expect(try matches("acme AND outage", text))
        #expect(try !matches("acme AND globex", text))
        #expect(try matches("globex OR outage", text))
        #expect(try !matches("acme NOT berlin", text))
        #expect(try matches("acme -paris", text))
        #expect(try matches("(globex OR acme) (outage OR down) -\"in paris\"", text))
        #expect(try matches("NOT globex", text))
    }

    @Test func fieldFilters() throws {
        let document = MatchDocument(
            text: "Acme is down", language: "en-US", network: .x, authorHandle: "@SamCarter",
            followers: 12_000,
            verified: true, kind: .reply, origin: .publicStream)
        #expect(try matches("acme lang:en", document))
        #expect(try !matches("acme lang:es", document))
        #expect(try matches("network:x", document))
        #expect(try matches("network:twitter", document))
        #expect(try !matches("network:reddit", document))
        #expect(try matches("author:samcarter", document))
        #expect(try matches("author:@SAMCARTER", document))
        #expect(try matches("author:sam*", document))
        #expect(try !matches("author:sam", document))
        #expect(try matches("min_followers:10000", document))
        #expect(try matches("min_followers:12k", document))
        #expect(try !matches("min_followers:12001", document))
        #expect(try matches("max_followers:12000", document))
        #expect(try matches("verified:true", document))
        #expect(try !matches("verified:false", document))
        #expect(try matches("kind:reply", document))
        #expect(try matches("origin:public", document))
        #expect(try !matches("origin:owned", document))
    }

    @Test func missingMetadataNeverSatisfiesAFilter() throws {
        let bare = MatchDocument(text: "acme")
        #expect(try !matches("lang:en", bare))
        #expect(try matches("NOT lang:en", bare))
        #expect(try !matches("min_followers:0", bare))
        #expect(try !matches("author:x", bare))
    }

    @Test func postsAreSearchedInTitleAndText() throws {
        let post = IncomingPost(
            network: .feed, externalID: "1",
            author: Author(network: .feed, externalID: "a", handle: "blog", followers: 50),
            text: "Read on.",
            title: "Why I left Globex", language: "en", createdAt: .init(timeIntervalSince1970: 0),
            origin: .publicStream, hashtags: ["Telecom"], mentionedHandles: ["Globex"])
        let query = try ListeningQuery.compile("globex #telecom @globex network:feed max_followers:100")
        #expect(query.matches(post))
    }

    @Test func nonLatinScriptsAndEmoji() throws {
        #expect(try matches("москва", "Acme в Москве? нет, в МОСКВА"))
        #expect(try matches("acme", "acme🔥🔥 rocks"))
        #expect(try matches("東京", "Acme 東京 store"))
        #expect(try matches("\"acme rocks\"", "acme 🔥 rocks"))
    }
}
