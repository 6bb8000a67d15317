import Testing

@testable import RapportAnalysis

@Suite struct SentimentRuleTests {
    let scorer = SentimentScorer()

    @Test func negationFlipsPraise() {
        #expect(scorer.score("the app is good").score > 0)
        #expect(scorer.score("the app is not good").score < 0)
        #expect(scorer.score("the app isn't good").label == .negative)
    }

    @Test func negationStopsAtClauseBoundary() {
        // "not" belongs to the first clause; "great" must stay positive.
        let scoped = scorer.score("not what I expected, great support").score
        #expect(scoped > 0)
    }

    @Test func negatedNegativeIsOnlyMildlyPositive() {
        let notBad = scorer.score("not bad").score
        let good = scorer.score("good").score
        #expect(notBad > 0 && notBad < good)
    }

    @Test func neverAgainIsNegative() {
        #expect(scorer.score("never again").label == .negative)
    }

    @Test func contrastWeighsTheClauseAfterBut() {
        #expect(scorer.score("the staff were nice but the service was terrible").score < 0)
        #expect(scorer.score("the service was terrible but the staff were lovely").score > 0)
    }

    @Test func capsEmphasisesAWord() {
        #expect(scorer.score("the update is GREAT today").score > scorer.score("the update is great today").score)
    }

    @Test func wholePostInCapsIsNotEmphasis() {
        #expect(scorer.score("THE UPDATE IS GREAT TODAY").score == scorer.score("the update is great today").score)
    }

    @Test func exclamationsAmplify() {
        #expect(scorer.score("love it!!!").score > scorer.score("love it").score)
    }

    @Test func emojiCarrySentiment() {
        #expect(scorer.score("😍").label == .positive)
        #expect(scorer.score("😡").label == .negative)
        #expect(scorer.score("my order 👎").label == .negative)
    }

    @Test func emoticonsCarrySentiment() {
        #expect(scorer.score("ok then :(").label == .negative)
        #expect(scorer.score("ok then :)").label == .positive)
    }

    @Test func elongationFindsTheWordAndEmphasises() {
        #expect(scorer.score("sooo goood").score > scorer.score("good").score)
        #expect(scorer.score("baaaad").label == .negative)
    }

    @Test func intensifiersAndDampeners() {
        let plain = scorer.score("the app is good").score
        #expect(scorer.score("the app is very good").score > plain)
        #expect(scorer.score("the app is kind of good").score < plain)
    }

    @Test func urlsAndMentionsAreIgnored() {
        #expect(scorer.score("@BadBank https://bad.example.com/terrible").label == .neutral)
    }

    @Test func hashtagWordsCount() {
        #expect(scorer.score("my router #fail").label == .negative)
        #expect(scorer.score("#NeverAgain").label == .negative)
    }

    @Test func customerServiceVocabulary() {
        #expect(scorer.score("still waiting for my refund").label == .negative)
        #expect(scorer.score("no signal since this morning").label == .negative)
        #expect(scorer.score("another outage").label == .negative)
    }

    @Test func sarcasmCues() {
        #expect(scorer.score("Great, another outage").label == .negative)
        #expect(scorer.score("yeah right, best service ever").label == .negative)
        #expect(scorer.score("love the new app 🙄").label == .negative)
    }

    @Test func otherLanguagesAndFalseFriends() {
        #expect(scorer.score("servicio pésimo", language: "es").label == .negative)
        #expect(scorer.score("merci, service parfait", language: "fr").label == .positive)
        // German "die" is an article, not the English verb.
        #expect(scorer.score("die App", language: "de").label == .neutral)
    }
}
