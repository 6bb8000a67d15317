import Foundation
import Testing

@testable import RapportAnalysis

@Suite struct TopicTests {
    @Test func hashtagsAndKeyPhrases() {
        let topics = TopicExtractor().topics("@Telco my fibre connection dropped again #NeverAgain #outage")
        #expect(topics.prefix(2) == ["#neveragain", "#outage"])
        #expect(topics.contains("fibre connection"))
    }

    @Test func sentimentAndStopwordsAreNotTopics() {
        let topics = TopicExtractor().topics("the battery is terrible")
        #expect(topics == ["battery"])
    }
}

@Suite struct TrendingTermsTests {
    @Test func risingTermTrendsAndSteadyTermDoesNot() {
        var trends = TrendingTerms(bucketSeconds: 60)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        for minute in 0..<60 {
            trends.add(text: "billing question", at: start.addingTimeInterval(Double(minute) * 60))
        }
        for k in 0..<30 {
            trends.add(text: "outage in Berlin", at: start.addingTimeInterval(3_600 + Double(k)))
        }
        let now = start.addingTimeInterval(3_600 + 59)
        let terms = trends.trending(at: now, window: 300, baseline: 3_600).map(\.term)
        #expect(terms.contains("outage"))
        #expect(terms.contains("berlin"))
        #expect(!terms.contains("billing"))
    }

    @Test func termCountsCanBeFedDirectly() {
        var trends = TrendingTerms(bucketSeconds: 60)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        trends.add(counts: ["#blackfriday": 40], at: now)
        trends.add(counts: ["#blackfriday": 1], at: now.addingTimeInterval(-1_800))
        let top = trends.trending(at: now, window: 60, baseline: 3_600).first
        #expect(top?.term == "#blackfriday")
        #expect(top?.windowCount == 40)
    }
}
