import Foundation

/// Finds what a post wants: complaint, question, praise, purchase intent, churn threat, noise.
///
/// Evidence adds up per intent from cue words and two-word phrases (see `IntentCues`) and from
/// the post's shape: a "?" is a question; strong negative sentiment is a complaint and strong
/// positive sentiment praise; many hashtags or links with mentions look like spam. Praise cues
/// in a negative post ("thanks for nothing") and complaint cues in a glowing one count less.
/// Confidence is 1 − e^(−evidence); intents at or above `threshold` are kept, most confident first.
public struct IntentClassifier: Sendable {
    public var threshold: Double = 0.45
    let cues: LexiconTable

    public init() { cues = SentimentLexicon.standard }

    public func classify(_ text: String) -> [Intent] {
        SocialTokenizer(lexicon: SentimentLexicon.standard).withTokens(text) { tokens in
            let sentiment = SentimentScorer().score(tokens, language: "en")
            return classify(tokens, sentiment: sentiment)
        }
    }

    func classify(_ text: TokenizedText, sentiment: Sentiment) -> [Intent] {
        classifyList(text, sentiment: sentiment).array
    }

    /// The intents as `PostAnalysis` keeps them (packed, no array).
    func classifyList(_ text: TokenizedText, sentiment: Sentiment) -> IntentList {
        var evidence: (Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &evidence) { raw in
            let e = raw.bindMemory(to: Double.self)
            var i = 0
            let tokens = text.tokens
            let count = tokens.count
            let infos = cues.infos
            while i < count {
                let token = tokens[i]
                i += 1
                // The tokenizer marked the cues (never a mention or a collapsed elongation).
                guard token.flags.contains(.intentCue) else { continue }
                var info = infos[Int(token.term)]
                if info.flags.contains(.startsIntentPhrase), i < count {
                    let pair = cues.findPair(text, i - 1)
                    if pair >= 0 && infos[pair].intent >= 0 {
                        info = infos[pair]
                        i += 1
                    }
                }
                if info.intent >= 0 { e[Int(info.intent)] += Double(info.intentWeight) }
            }
            addShapeEvidence(text, sentiment, e)
            return intents(from: e)
        }
    }

    /// Intents at or above the threshold, most confident first (stable), packed.
    private func intents(from e: UnsafeMutableBufferPointer<Double>) -> IntentList {
        // (confidence rounded to two decimals, intent index), kept sorted by insertion: at most six.
        var kept: (Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0)
        var exact: (Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &kept) { keptRaw in
            withUnsafeMutableBytes(of: &exact) { exactRaw in
                // `list` holds name index + 8 × hundredths; `values` the rounded confidences,
                // compared as before (Doubles), so the order is the same.
                let list = keptRaw.bindMemory(to: Int.self)
                let values = exactRaw.bindMemory(to: Double.self)
                var n = 0
                // At the default threshold the steps of `Confidence` answer without exp().
                let table = threshold == Confidence.threshold ? Confidence.table : nil
                for k in 0..<6 {
                    let kept: Bool
                    let hundredths: Double
                    if let table {
                        // (No evidence is below `table.kept`: the threshold is positive.)
                        kept = e[k] >= table.kept
                        hundredths = kept ? table.hundredths(e[k]) : 0
                    } else {
                        // No evidence gives confidence 0: skip exp() unless the threshold admits 0.
                        if e[k] == 0 && threshold > 0 { continue }
                        let confidence = 1 - exp(-e[k])
                        kept = confidence >= threshold
                        hundredths = (confidence * 100).roundedHalfAway
                    }
                    if kept {
                        let value = hundredths / 100
                        // A stable insertion in place.
                        var j = n
                        while j > 0 && values[j - 1] < value {
                            list[j] = list[j - 1]
                            values[j] = values[j - 1]
                            j -= 1
                        }
                        // Outside 0…1 (only with a negative threshold) it does not pack: the
                        // hundredths field is then out of range, and the array form is used below.
                        list[j] = k | (hundredths >= 0 && hundredths <= 100 ? Int(hundredths) : 0x7FF) << 3
                        values[j] = value
                        n += 1
                    }
                }
                var out = IntentList()
                if n == 0 {
                    // Nothing asked, praised or complained about: a bare mention, weakly noise.
                    _ = out.append(nameIndex: 5, hundredths: 30)
                    return out
                }
                for j in 0..<n {
                    guard out.append(nameIndex: list[j] & 7, hundredths: list[j] >> 3) else {
                        return IntentList(
                            (0..<n).map { Intent(name: IntentList.name(list[$0] & 7), confidence: values[$0]) })
                    }
                }
                return out
            }
        }
    }

    /// Confidence 1 − e^(−evidence) in hundredths, as `intents(from:)` computes it, is a
    /// non-decreasing step function of the evidence, and so is whether it reaches the default
    /// threshold: both are stored as the evidence values where they step, found once per
    /// process by bisection over the Doubles with the very expressions (`hundredths(exactly:)`).
    /// `ShortcutEquivalenceTests` checks them against exp() around every step and on a million values.
    struct Confidence: @unchecked Sendable {
        static let threshold = 0.45
        static let table = Confidence()

        /// The least evidence whose confidence reaches `threshold`.
        let kept: Double
        /// The hundredths at `kept`.
        private let first: Double
        /// 64 entries: the least evidence of each step above `kept`, ascending, padded with
        /// NaN; then, from entry 64, the hundredths from that evidence on.
        private let steps: UnsafeMutablePointer<Double>

        /// What `intents(from:)` computes from exp().
        static func hundredths(exactly evidence: Double) -> Double {
            let confidence = 1 - exp(-evidence)
            return (confidence * 100).roundedHalfAway
        }

        static func reaches(_ evidence: Double) -> Bool { 1 - exp(-evidence) >= threshold }

        /// The least positive Double in (low, high] where `above` holds (it holds at `high`, not
        /// at `low`, and is assumed monotonic), bisecting the bit patterns.
        private static func least(_ low: Double, _ high: Double, _ above: (Double) -> Bool) -> Double {
            var lo = low.bitPattern
            var hi = high.bitPattern
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2
                if above(Double(bitPattern: mid)) { hi = mid } else { lo = mid }
            }
            return Double(bitPattern: hi)
        }

        private init() {
            // Evidence of 64 gives confidence 1 (e^-64 is far below half an ulp of 1).
            let top = 64.0
            kept = Self.least(0, top, Self.reaches)
            first = Self.hundredths(exactly: kept)
            steps = .allocate(capacity: 128)
            // NaN padding: no evidence (not even +∞) is at or above it.
            steps.initialize(repeating: .nan, count: 128)
            var n = 0
            var low = kept
            var current = first
            let last = Self.hundredths(exactly: top)
            while current < last {
                let value = current
                let next = Self.least(low, top) { Self.hundredths(exactly: $0) > value }
                current = Self.hundredths(exactly: next)
                precondition(n < 64, "more than 64 confidence steps")
                steps[n] = next
                steps[64 + n] = current
                n += 1
                low = next
            }
        }

        /// `hundredths(exactly:)` for evidence ≥ `kept`.
        @inline(__always) func hundredths(_ evidence: Double) -> Double {
            let i = countAtOrBelow(steps, evidence)
            return i == 0 ? first : steps[64 + i - 1]
        }
    }

    private func addShapeEvidence(
        _ text: TokenizedText, _ sentiment: Sentiment, _ e: UnsafeMutableBufferPointer<Double>
    ) {
        let complaint = 0, question = 1, praise = 2, noise = 5
        if text.questions > 0 { e[question] += 1.0 }
        if sentiment.score <= -0.2 {
            e[complaint] += -sentiment.score * 2
            e[praise] *= 0.3
        } else if sentiment.score >= 0.3 {
            e[praise] += sentiment.score * 2
            e[complaint] *= 0.4
        }
        if text.hashtags >= 5 { e[noise] += 1.2 }
        if text.urls > 0 && (text.mentions >= 3 || text.hashtags >= 3) { e[noise] += 0.8 }
        if e[noise] > 0 && text.urls > 0 { e[noise] += 0.5 }
    }
}
