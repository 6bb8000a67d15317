import Testing

@testable import RapportAnalysis

/// The sixth pass's shortcuts must give what the general paths gave.
@Suite struct SixthPassTests {
    /// The entry number each token of `text` got from the tokenizer.
    private func terms(_ text: String) -> [Int32] {
        SocialTokenizer(lexicon: SentimentLexicon.standard).withTokens(text) { text in
            text.tokens.map(\.term)
        }
    }

    @Test func hashtagNumbersFindExactlyTheAllDigitKeys() {
        let lexicon = SentimentLexicon.standard
        // The lexicon has all-digit keys ("143", "1337"): they must still be found as hashtags.
        #expect(lexicon.find("143") >= 0)
        #expect(lexicon.find("1337") >= 0)
        #expect(terms("#143") == [Int32(lexicon.find("143"))])
        for n in 0..<20_000 {
            let digits = String(n)
            #expect(terms("#" + digits) == [Int32(lexicon.find(digits))])
            // Leading zeros and 5…9 digits too.
            #expect(terms("#0" + digits) == [Int32(lexicon.find("0" + digits))])
        }
        for digits in ["123456789", "12345678", "00000000", "999999999999"] {
            #expect(terms("#" + digits) == [Int32(lexicon.find(digits))])
        }
    }

    @Test func mayBeDigitKeyAnswersForEveryAllDigitKey() {
        let lexicon = SentimentLexicon.standard
        for key in ["143", "1337", "1432", "182", "187", "86"] {
            let bytes = Array(key.utf8) + [UInt8](repeating: 0, count: 16)
            let w0 = bytes.withUnsafeBufferPointer { LexiconTable.words($0.baseAddress!, key.utf8.count).0 }
            #expect(lexicon.mayBeDigitKey(w0))
        }
        let bytes = Array("4821".utf8) + [UInt8](repeating: 0, count: 16)
        let w0 = bytes.withUnsafeBufferPointer { LexiconTable.words($0.baseAddress!, 4).0 }
        #expect(!lexicon.mayBeDigitKey(w0))
    }

    @Test func influenceTableEqualsTheFormulaForEveryFollowerCount() {
        // Every count the table answers for, verified or not (20 million formula evaluations).
        var mismatches = 0
        for verified in [false, true] {
            var input = AnalysisInput(text: "", followers: 0, verified: verified)
            for followers in 0..<InfluenceModel.Reach.limit {
                input.followers = followers
                if InfluenceModel.Reach.table.score(followers: followers, verified: verified)
                    != InfluenceModel.formula(input)
                {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func influenceTakesTheFormulaWhenMoreIsKnown() {
        let inputs = [
            AnalysisInput(text: ""), AnalysisInput(text: "", verified: true),
            AnalysisInput(text: "", followers: 1), AnalysisInput(text: "", followers: 9_999_999),
            AnalysisInput(text: "", followers: 10_000_000), AnalysisInput(text: "", followers: 12_345_678_901),
            AnalysisInput(text: "", followers: -5), AnalysisInput(text: "", followers: 3_000, following: 20),
            AnalysisInput(text: "", followers: 3_000, likes: 4), AnalysisInput(text: "", followers: 90_000, quotes: 1),
            AnalysisInput(
                text: "", followers: 3_000,
                history: AuthorHistory(mentionCount: 12, negativeCount: 2, averageEngagement: 30)),
        ]
        for input in inputs { #expect(InfluenceModel.score(input) == InfluenceModel.formula(input)) }
        #expect(InfluenceModel.score(AnalysisInput(text: "", followers: 0)) == 5)
        #expect(InfluenceModel.score(AnalysisInput(text: "", followers: 1)) == 7)
    }
}
