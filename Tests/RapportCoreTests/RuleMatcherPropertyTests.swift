import Testing

@testable import RapportCore

/// The indexed matcher must answer exactly like evaluating every query on its own.
@Suite struct RuleMatcherPropertyTests {
    private func naive(_ rules: [(ListeningRule, ListeningQuery)], _ document: MatchDocument) -> [Int64] {
        rules.filter { $0.1.matches(document) }.map(\.0.id)
    }

    private func compiled(_ rules: [ListeningRule]) throws -> [(ListeningRule, ListeningQuery)] {
        try rules.map { ($0, try ListeningQuery.compile($0.query)) }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func indexedMatchingEqualsNaiveEvaluation(seed: UInt64) throws {
        var corpus = RandomCorpus(seed: seed)
        let rules = (0..<60).map { ListeningRule(id: Int64($0), name: "r\($0)", brand: "b", query: corpus.query()) }
        let matcher = try RuleMatcher(rules: rules)
        let queries = try compiled(rules)
        var matchedSomething = 0
        for _ in 0..<250 {
            let document = corpus.document()
            let expected = naive(queries, document)
            let actual = matcher.matchingRuleIDs(for: document)
            #expect(actual == expected)
            if actual != expected { return }
            if !actual.isEmpty { matchedSomething += 1 }
        }
        // The corpus is only a test when queries do hit posts.
        #expect(matchedSomething > 60)
    }

    @Test func sampleRulesCompileAndAgreeWithNaiveEvaluation() throws {
        let rules = SampleRules.generate(count: 200, seed: 42)
        #expect(rules.count == 200)
        #expect(Set(rules.map(\.brand)) == ["acme", "globex", "initech", "umbrella", "hooli", "vandelay"])
        let matcher = try RuleMatcher(rules: rules)
        let queries = try compiled(rules)
        let texts = [
            "@AcmeMobile no signal since this morning, worst service 😡", "Love my Acme Mobile plan, thanks! #acme",
            "Switching to Globex, cancelling acme today", "Hooli Bank card declined again, any fraud?",
            "Vandelay Air flight delayed 4 hours, lost luggage #vandelayair", "Umbrella Energy power cut in my street",
            "Acme sin servicio, quiero un reembolso. Mi teléfono no tiene señal", "just coffee and a walk",
            "initech vs globex: which is better?", "#acmefail #fail acmeplus is down",
        ]
        var matched = 0
        for (index, text) in texts.enumerated() {
            let document = MatchDocument(
                text: text, language: index % 3 == 0 ? "es" : "en", network: index % 2 == 0 ? .x : .reddit,
                followers: index * 20_000, verified: index % 4 == 0)
            let expected = naive(queries, document)
            #expect(matcher.matchingRuleIDs(for: document) == expected, "\(text)")
            matched += expected.count
        }
        #expect(matched > 20)
    }

    @Test func sampleRulesAreDeterministic() {
        #expect(SampleRules.generate(count: 50, seed: 9) == SampleRules.generate(count: 50, seed: 9))
        #expect(SampleRules.generate(count: 50, seed: 9) != SampleRules.generate(count: 50, seed: 10))
    }
}
