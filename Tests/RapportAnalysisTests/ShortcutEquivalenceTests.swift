import RapportBenchmarks
import Testing

@testable import RapportAnalysis

/// The analyser's shortcuts (digit hashtags, the influence table, confidence steps, byte loops) give exactly what
/// the general paths give.
@Suite("Shortcuts give what the general paths give") struct ShortcutEquivalenceTests {
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

    // The long loops below are async and yield now and then: a test suite runs its tests on the cooperative pool
    // (one thread per core), and a minute of uninterrupted work there starved the network tests beside it.
    @Test func influenceTableEqualsTheFormulaForEveryFollowerCount() async {
        // Every count the table answers for, verified or not (20 million formula evaluations).
        var mismatches = 0
        for verified in [false, true] {
            var input = AnalysisInput(text: "", followers: 0, verified: verified)
            for followers in 0..<InfluenceModel.Reach.limit {
                if followers % 4_096 == 0 { await Task.yield() }
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

    @Test func confidenceStepsEqualExp() async {
        typealias C = IntentClassifier.Confidence
        let table = C.table
        func same(_ e: Double) -> Bool {
            let kept = e >= table.kept
            guard kept == C.reaches(e) else { return false }
            return !kept || table.hundredths(e) == C.hundredths(exactly: e)
        }
        var mismatches = 0
        // Around every step (the threshold and each change of the hundredths), 2,000 Doubles
        // either side: the only places where the bisection's monotonic assumption could matter.
        // The steps are found again here by a walk and bisection independent of the table.
        var points = [table.kept]
        var e = table.kept
        while e < 64 {
            let h = C.hundredths(exactly: e)
            var step = 0.001
            while C.hundredths(exactly: e + step) == h && e + step < 64 { step *= 2 }
            var lo = e
            var hi = min(64, e + step)
            while lo.nextUp < hi {
                let mid = lo + (hi - lo) / 2
                if mid <= lo || mid >= hi { break }
                if C.hundredths(exactly: mid) > h { hi = mid } else { lo = mid }
            }
            if C.hundredths(exactly: hi) == h { break }
            points.append(hi)
            e = hi
        }
        #expect(points.count > 50)
        for point in points {
            await Task.yield()
            var x = point
            for _ in 0..<2_000 { x = x.nextDown }
            for _ in 0..<4_000 {
                if !same(x) { mismatches += 1 }
                x = x.nextUp
            }
        }
        // A million evidence values over the whole range, and special ones.
        var state: UInt64 = 0x1234_5678
        for i in 0..<1_000_000 {
            if i % 4_096 == 0 { await Task.yield() }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let x = Double(state >> 11) / Double(1 << 53) * 8 - 1
            if !same(x) { mismatches += 1 }
        }
        for x in [0.0, -0.0, 0.6, 1, 5, 63.9, 64, 100, 1e300, .infinity, -1, -.infinity, .nan] where !same(x) {
            mismatches += 1
        }
        #expect(mismatches == 0)
        #expect(C.reaches(table.kept) && !C.reaches(table.kept.nextDown))
    }

    @Test func intentsAtOtherThresholdsStillUseExp() {
        var table = IntentClassifier()
        var computed = IntentClassifier()
        // The next Double above the default takes exp(); no confidence falls between the two.
        computed.threshold = IntentClassifier.Confidence.threshold.nextUp
        let texts =
            AnalysisBenchmark.corpus(count: 3_000) + [
                "how do I cancel my subscription? worst service ever", "thanks, love it", "@telco",
            ]
        var same = 0
        for text in texts where table.classify(text) == computed.classify(text) { same += 1 }
        #expect(same == texts.count)
        table.threshold = 0
        #expect(table.classify("thanks, love it").count == 6)
    }

    @Test func runAndLetterCueEqualsTheByteLoop() async {
        // Every word of up to 4 bytes over bytes that matter (letters around "a", "i", "j", 0xC3,
        // high bytes, zero), and a million random words of up to 40 bytes from a small alphabet
        // (so runs and pairs are common), each followed by random bytes that must be ignored.
        let alphabet: [UInt8] = [0x00, 0x41, 0x60, 0x61, 0x62, 0x69, 0x6A, 0x7A, 0x7F, 0x80, 0xC3, 0xE1, 0xFF]
        var buffer = [UInt8](repeating: 0, count: 64)
        var state: UInt64 = 0x9E37_79B9
        func random() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var mismatches = 0
        var runs = 0
        var cues = 0
        func check(_ length: Int) {
            for k in length..<buffer.count { buffer[k] = UInt8(truncatingIfNeeded: random()) }
            buffer.withUnsafeBufferPointer { p in
                let fast = SocialTokenizer.runAndLetterCue(p.baseAddress!, length)
                let slow = SocialTokenizer.runAndLetterCueByBytes(p.baseAddress!, length)
                if fast != slow { mismatches += 1 }
                if slow.0 { runs += 1 }
                if slow.1 { cues += 1 }
            }
        }
        for length in 0...4 {
            var digits = [Int](repeating: 0, count: length)
            while true {
                for k in 0..<length { buffer[k] = alphabet[digits[k]] }
                check(length)
                var k = 0
                while k < length {
                    digits[k] += 1
                    if digits[k] < alphabet.count { break }
                    digits[k] = 0
                    k += 1
                }
                if k == length { break }
            }
        }
        let small: [UInt8] = [0x61, 0x69, 0x6A, 0xC3, 0x41, 0x60]
        for i in 0..<1_000_000 {
            if i % 4_096 == 0 { await Task.yield() }
            let length = Int(random() % 41)
            for k in 0..<length { buffer[k] = small[Int(random() % UInt64(small.count))] }
            check(length)
        }
        #expect(mismatches == 0)
        #expect(runs > 10_000 && cues > 10_000)
    }

    @Test func inputCopyCopiesExactlyTheBytes() {
        var state: UInt64 = 42
        var mismatches = 0
        for n in 0...300 {
            let source = (0..<n).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 40)
            }
            // Guard bytes around the target must stay as they were.
            var target = [UInt8](repeating: 0xA5, count: n + 32)
            source.withUnsafeBufferPointer { from in
                target.withUnsafeMutableBufferPointer { to in
                    SocialTokenizer.copy(
                        from.baseAddress ?? UnsafePointer(to.baseAddress!), to: to.baseAddress! + 16, count: n)
                }
            }
            if Array(target[16..<16 + n]) != source { mismatches += 1 }
            if target[..<16].contains(where: { $0 != 0xA5 }) || target[(16 + n)...].contains(where: { $0 != 0xA5 }) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test func zeroSumScoresAsTheFormulaSays() {
        var tuning = SentimentScorer.Tuning()
        for alpha in [30.0, 0, -1, .infinity] {
            tuning.alpha = alpha
            let score = SentimentScorer(tuning: tuning).score("the router is in the box")
            let expected = 0 / (0 * 0 + alpha).squareRoot()
            #expect(
                score.score.bitPattern == max(-1, min(1, expected)).bitPattern || (score.score.isNaN && expected.isNaN))
        }
    }
}
