import Testing

@testable import RapportAnalysis

@Suite struct IntentTests {
    let classifier = IntentClassifier()

    func names(_ text: String) -> [Intent.Name] { classifier.classify(text).map(\.name) }

    @Test func complaint() { #expect(names("charged twice and still waiting for a refund").first == .complaint) }
    @Test func question() { #expect(names("how do I reset my router?").contains(.question)) }
    @Test func praise() { #expect(names("thank you, the support team was amazing").first == .praise) }
    @Test func purchaseIntent() {
        #expect(names("thinking of buying the new phone, is it worth it?").contains(.purchaseIntent))
    }
    @Test func churnThreat() {
        #expect(names("I'm switching to another provider, cancel my contract").first == .churnThreat)
    }
    @Test func giveawayIsNoise() { #expect(names("WIN a free phone! follow and retweet #giveaway").first == .noise) }
    @Test func jobAdIsNoise() { #expect(names("We're hiring! apply now https://jobs.example.com").first == .noise) }

    @Test func confidencesAreOrderedAndBounded() {
        let intents = classifier.classify("thanks but I'm switching to another provider")
        #expect(intents.allSatisfy { $0.confidence > 0 && $0.confidence <= 1 })
        #expect(intents == intents.sorted { $0.confidence > $1.confidence })
    }
}

@Suite struct LevelTests {
    let analyzer = Analyzer()

    @Test func celebrityComplaintIsUrgentWithReasons() {
        let a = analyzer.analyze(AnalysisInput(text: "worst airline ever, lost my bags again", followers: 2_400_000))
        #expect(a.level == .urgent)
        #expect(a.reasons.contains("negative"))
        #expect(a.reasons.contains("author has 2.4M followers"))
    }

    @Test func highValueChurnThreatIsUrgent() {
        let a = analyzer.analyze(
            AnalysisInput(text: "I'm cancelling my contract and switching to another bank", customerValue: 25_000))
        #expect(a.level == .urgent)
        #expect(a.reasons.contains("churn threat"))
    }

    @Test func sameChurnThreatFromUnknownCustomerNeedsAttention() {
        let a = analyzer.analyze(AnalysisInput(text: "I'm cancelling my contract and switching to another bank"))
        #expect(a.level == .attention)
    }

    @Test func fastAmplifiedComplaintIsUrgent() {
        let input = AnalysisInput(text: "the app lost all my photos", reposts: 300, replies: 120, ageMinutes: 20)
        let a = analyzer.analyze(input)
        #expect(a.level == .urgent)
        #expect(a.reasons.contains { $0.hasPrefix("amplified fast") })
    }

    @Test func spamIsNoise() {
        #expect(
            analyzer.analyze(AnalysisInput(text: "Free followers! click here https://spam.example #follow")).level
                == .noise)
    }

    @Test func plainPraiseIsRelevant() {
        #expect(analyzer.analyze(AnalysisInput(text: "love my new headphones")).level == .relevant)
    }
}

@Suite struct InfluenceTests {
    @Test func followersVerifiedAndEngagementRaiseInfluence() {
        let base = InfluenceModel.score(AnalysisInput(text: "", followers: 1_000))
        #expect(InfluenceModel.score(AnalysisInput(text: "", followers: 1_000_000)) > base)
        #expect(InfluenceModel.score(AnalysisInput(text: "", followers: 1_000, verified: true)) == base + 10)
        #expect(InfluenceModel.score(AnalysisInput(text: "", followers: 1_000, likes: 500)) > base)
    }

    @Test func formulaValues() {
        // 10M followers → reach 55, unknown following → 5, verified → 10: 70.
        #expect(InfluenceModel.score(AnalysisInput(text: "", followers: 10_000_000, verified: true)) == 70)
        #expect(InfluenceModel.score(AnalysisInput(text: "")) == 0)
        #expect(
            InfluenceModel.score(
                AnalysisInput(text: "", followers: 10_000_000_000, verified: true, likes: 1_000_000_000)) <= 100)
    }
}
