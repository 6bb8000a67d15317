import Testing

@testable import RapportCore

/// How queries are understood: precedence, implicit AND, shorthand, folding.
@Suite struct QueryParserTests {
    private func normalized(_ query: String) throws -> String {
        try ListeningQuery.compile(query).normalized
    }

    @Test func notBindsTighterThanAndWhichBindsTighterThanOr() throws {
        #expect(try normalized("a OR b AND c") == "(a OR (b AND c))")
        #expect(try normalized("a AND b OR c") == "((a AND b) OR c)")
        #expect(try normalized("NOT a AND b") == "(NOT a AND b)")
        #expect(try normalized("NOT a OR b") == "(NOT a OR b)")
        #expect(try normalized("a OR NOT b c") == "(a OR (NOT b AND c))")
    }

    @Test func adjacentOperandsAreImplicitlyAnded() throws {
        #expect(try normalized("acme outage") == "(acme AND outage)")
        #expect(try normalized("acme (outage OR down)") == "(acme AND (outage OR down))")
        #expect(try normalized("acme \"no signal\" #fail") == "(acme AND \"no signal\" AND #fail)")
    }

    @Test func minusIsNotShorthand() throws {
        #expect(try normalized("acme -spam") == "(acme AND NOT spam)")
        #expect(try normalized("acme -\"free money\"") == "(acme AND NOT \"free money\")")
        #expect(try normalized("acme -(a OR b)") == "(acme AND NOT (a OR b))")
        #expect(try normalized("acme -lang:es") == "(acme AND NOT lang:es)")
        #expect(try normalized("t-mobile") == "\"t mobile\"")
    }

    @Test func parenthesesOverridePrecedence() throws {
        #expect(try normalized("(a OR b) AND c") == "((a OR b) AND c)")
        #expect(try normalized("((a))") == "a")
        #expect(try normalized("NOT (a OR b)") == "NOT (a OR b)")
    }

    @Test func lowercaseOperatorsAreWords() throws {
        #expect(try normalized("rock and roll") == "(rock AND and AND roll)")
        #expect(try normalized("Not Bad") == "(not AND bad)")
    }

    @Test func termsAreFoldedLikePosts() throws {
        #expect(try normalized("CAFÉ") == "cafe")
        #expect(try normalized("Straße") == "strasse")
        #expect(try normalized("#AcmeFail") == "#acmefail")
        #expect(try normalized("@AcmeMobile") == "@acmemobile")
        #expect(try normalized("@kim@Mastodon.example") == "@kim@mastodon.example")
        #expect(try normalized("acme's") == "\"acme s\"")
        #expect(try normalized("Acme*") == "acme*")
        #expect(try normalized("“smart quotes”") == "\"smart quotes\"")
        #expect(try normalized("\"#acme rocks\"") == "\"#acme rocks\"")
    }

    @Test func fieldsParse() throws {
        #expect(try normalized("lang:EN") == "lang:en")
        #expect(try normalized("lang:pt-BR") == "lang:pt")
        #expect(try normalized("network:twitter") == "network:x")
        #expect(try normalized("network:in_person") == "network:in_person")
        #expect(try normalized("author:@SamCarter") == "author:samcarter")
        #expect(try normalized("author:sam*") == "author:sam*")
        #expect(try normalized("min_followers:10000") == "min_followers:10000")
        #expect(try normalized("min_followers:10k") == "min_followers:10000")
        #expect(try normalized("max_followers:2.5m") == "max_followers:2500000")
        #expect(try normalized("verified:yes") == "verified:true")
        #expect(try normalized("kind:dm") == "kind:dm")
        #expect(try normalized("origin:public") == "origin:public")
        #expect(try normalized("LANG:en") == "lang:en")
    }

    @Test func doubleNegationCancels() throws {
        #expect(try normalized("NOT NOT acme") == "acme")
        #expect(try normalized("--acme") == "acme")
    }
}

/// Every example in docs/listening-rules.md compiles.
@Suite struct DocumentedExamplesTests {
    @Test(arguments: [
        "(acme OR \"acme mobile\" OR @acmemobile OR #acme) (outage OR down OR \"no signal\") -job* lang:en",
        "acme OR \"acme mobile\" OR @acmemobile OR #acme",
        "(acme OR @acmemobile) (outage OR down OR \"no signal\") -job*",
        "(acme OR #acme) (love OR great OR thanks) NOT (hate OR worst)",
        "(acme OR @acmemobile) (\"switching to\" OR cancel*) globex",
        "(acme OR #acme) (teléfono OR señal OR \"sin servicio\") lang:es",
        "(acme OR @acmemobile) min_followers:10k",
        "\"acme mobile\" verified:true network:x",
        "@acmemobile -author:acmemobile",
    ])
    func compiles(query: String) throws {
        _ = try ListeningQuery.compile(query)
    }
}
