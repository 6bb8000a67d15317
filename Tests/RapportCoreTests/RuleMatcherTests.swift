import Foundation
import Testing

@testable import RapportCore

/// The rule set: ids, disabled rules, compile errors.
@Suite struct RuleMatcherTests {
    private func post(_ text: String, language: String? = "en", followers: Int = 100) -> IncomingPost {
        IncomingPost(
            network: .x, externalID: UUID().uuidString,
            author: Author(network: .x, externalID: "1", handle: "samcarter", followers: followers),
            text: text,
            language: language, createdAt: Date(timeIntervalSince1970: 0), origin: .publicStream)
    }

    private let rules = [
        ListeningRule(id: 1, name: "Acme", brand: "acme", query: "acme OR @acmemobile OR #acme"),
        ListeningRule(
            id: 2, name: "Acme outages", brand: "acme", query: "acme (outage OR down OR \"no signal\")"),
        ListeningRule(
            id: 3, name: "Globex", brand: "globex", isCompetitor: true, query: "globex -job*"),
        ListeningRule(id: 4, name: "Off", brand: "acme", query: "acme", enabled: false),
        ListeningRule(id: 5, name: "Spanish", brand: "acme", query: "lang:es"),
        ListeningRule(id: 6, name: "Not acme", brand: "acme", query: "NOT acme min_followers:1000"),
    ]

    @Test func returnsMatchingIDsInRuleOrder() throws {
        let matcher = try RuleMatcher(rules: rules)
        #expect(matcher.count == 5)
        #expect(matcher.matchingRuleIDs(for: post("Acme is down again, globex too")) == [1, 2, 3])
        #expect(matcher.matchingRuleIDs(for: post("Globex jobs fair")) == [])
        #expect(matcher.matchingRuleIDs(for: post("acme no signal", language: "es")) == [1, 2, 5])
        #expect(matcher.matchingRuleIDs(for: post("hello world", followers: 5000)) == [6])
        #expect(matcher.matchingRuleIDs(for: post("#Acme")) == [1])
    }

    @Test func namesTheRuleThatDoesNotCompile() {
        let bad =
            rules + [ListeningRule(id: 42, name: "Broken", brand: "acme", query: "acme AND (down")]
        #expect {
            try RuleMatcher(rules: bad)
        } throws: { error in
            guard let error = error as? RuleCompileError else { return false }
            return error.ruleID == 42 && error.ruleName == "Broken" && error.syntaxError.column == 15
                && error.description
                    == "rule 42 'Broken': column 15: expected ')' to close '(' opened at column 10"
        }
    }

    @Test func disabledRulesAreNotEvenParsed() throws {
        let matcher = try RuleMatcher(rules: [
            ListeningRule(id: 1, name: "x", brand: "b", query: "(", enabled: false)
        ])
        #expect(matcher.count == 0)
        #expect(matcher.matchingRuleIDs(for: post("anything")) == [])
    }

    @Test func emptyRuleSetMatchesNothing() throws {
        #expect(try RuleMatcher(rules: []).matchingRuleIDs(for: post("acme")) == [])
    }
}

/// One matcher shared by concurrent tasks gives every task the same answers.
@Suite struct RuleMatcherConcurrencyTests {
    @Test func sharedAcrossTasks() async throws {
        let matcher = try RuleMatcher(rules: SampleRules.generate(count: 200, seed: 1))
        let documents = [
            "@AcmeMobile no signal again 😡 #acme", "Globex fiber outage downtown", "Hooli Bank app down, card declined",
        ].map { MatchDocument(text: $0, language: "en", network: .x, followers: 20_000) }
        let expected = documents.map { matcher.matchingRuleIDs(for: $0) }
        #expect(expected.allSatisfy { !$0.isEmpty })
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<500).allSatisfy { round in
                        matcher.matchingRuleIDs(for: documents[round % 3]) == expected[round % 3]
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}

/// Odd corners of the index agree with the reference evaluation.
@Suite struct RuleMatcherEdgeTests {
    @Test func veryLongWildcardsAndRepeatedPhraseWords() throws {
        let long = String(repeating: "a", count: 70)
        let rules = [
            ListeningRule(id: 1, name: "long", brand: "b", query: "\(long)*"),
            ListeningRule(id: 2, name: "ha", brand: "b", query: "\"ha ha ha\""),
            ListeningRule(id: 3, name: "tag prefix", brand: "b", query: "acm* -#acme"),
        ]
        let matcher = try RuleMatcher(rules: rules)
        let cases: [(MatchDocument, [Int64])] = [
            (MatchDocument(text: long + "bbb"), [1]),
            (MatchDocument(text: String(long.dropLast())), []),
            (MatchDocument(text: "ha ha, HA!"), [2]),
            (MatchDocument(text: "ha ha"), []),
            (MatchDocument(text: "hello", hashtags: ["AcmeFail"]), [3]),
            (MatchDocument(text: "#acme acmeplus"), []),
        ]
        for (document, expected) in cases {
            #expect(matcher.matchingRuleIDs(for: document) == expected)
            let naive = try rules.filter { try ListeningQuery.compile($0.query).matches(document) }.map(\.id)
            #expect(naive == expected)
        }
    }
}
