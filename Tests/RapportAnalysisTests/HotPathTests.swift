import Testing

@testable import RapportAnalysis

/// The allocation-free rewrites must say exactly what the String-building versions said.
@Suite struct HotPathTests {
    @Test func compactFollowerCounts() {
        #expect(PriorityRules.compact(2_400_000) == "2.4M")
        #expect(PriorityRules.compact(15_300) == "15.3k")
        #expect(PriorityRules.compact(20_000) == "20k")
        #expect(PriorityRules.compact(950) == "950")
        for n in [0, 950, 9_999, 10_000, 15_300, 99_950, 999_949, 999_950, 1_000_000, 2_449_999, Int(Int32.max)] {
            #expect(PriorityRules.followersReason(n) == "author has \(PriorityRules.compact(n)) followers")
        }
    }

    @Test func topicsDeduplicateHashtagsAndPhrasesByBytes() {
        let topics = TopicExtractor().topics("#NeverAgain fibre box. Fibre box #neveragain")
        #expect(topics == ["#neveragain", "fibre box"])
    }

    @Test func higherScoringDuplicateWinsItsPlace() {
        // "Fibre Box" (capitalised) outranks the earlier lower-case copy and appears once.
        let topics = TopicExtractor().topics("router light, fibre box. Fibre Box")
        #expect(topics == ["fibre box", "router light"])
    }

    @Test func intentPhrasesDoNotLeakIntoSentiment() {
        // "how do" is an intent cue, not a sentiment phrase: "do" must still be scored alone.
        #expect(SentimentScorer().score("how do I reset my PIN").label == .neutral)
        #expect(IntentClassifier().classify("how do I reset my PIN?").first?.name == .question)
    }

    @Test func phraseEndingInAMentionIsStillAPhrase() {
        // Phrases are found from the two tokens' entries; a mention has none, so it takes the
        // byte path: "no @signal" reads as "no signal", as before.
        let scorer = SentimentScorer()
        #expect(scorer.rawScore("no @signal") == scorer.rawScore("no signal"))
        #expect(scorer.rawScore("no signal") < scorer.rawScore("no"))
    }

    @Test func longPostsTakeTheHeapPathsWithTheSameResult() {
        // 120 tokens (past the 64 kept on the stack); padded past the 1 KB stack scratch.
        let text = String(repeating: "so bad! ", count: 60)
        let analyzer = Analyzer()
        let short = analyzer.analyze(AnalysisInput(text: text))
        let padded = analyzer.analyze(AnalysisInput(text: text + String(repeating: " ", count: 1_200)))
        #expect(short == padded)
        #expect(short.sentiment.label == .negative)
    }

    @Test func sharedSingleIntentArraysEqualBuiltOnes() {
        let intents = IntentClassifier().classify("thanks, love it")
        #expect(intents.count == 1)
        #expect(intents == [Intent(name: intents[0].name, confidence: intents[0].confidence)])
    }

    @Test func collapsedElongationIsNotAStopword() {
        // "nooo" finds "no" (sentiment) only after collapsing; it must not vote for es/pt/it.
        #expect(LanguageDetector().detect("nooo") == "und")
    }
}
