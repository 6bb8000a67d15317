import Foundation

/// Sentiment for social text: VADER's lexicon and rules, with tighter negation scope,
/// per-sentence contrast, elongation, domain words, phrases and cheap sarcasm cues.
///
/// Each valenced word contributes its lexicon valence, adjusted in this order:
/// 1. ALL CAPS (when the whole post is not shouting): ±0.733; elongation ("sooo"): ±0.3.
/// 2. Intensifiers / dampeners up to three words before: ±booster × (1, 0.95, 0.9).
/// 3. Negation by a negator up to three words before *in the same clause*: × -0.74 for a
///    positive word, × `Tuning.negatedNegative` for a negative one ("not bad" is only mildly good).
/// 4. Contrast: in a sentence with "but"/"however", words before it × 0.5, after × 1.5;
///    "although X, Y" weighs X × 0.5 and Y × 1.5.
/// 5. Sarcasm ("yeah right", "/s", 🙄, or a positive opener followed by "another"/"again"):
///    positive contributions flip to mildly negative.
/// The sum gets "!" (≤4 × 0.292) and "??" emphasis and is squashed as x / √(x² + α).
public struct SentimentScorer: Sendable {
    /// The few numeric knobs. Defaults are the values that leave-one-file-out cross-validation
    /// on the sentiment-dev files picked for every held-out file (see ANALYSIS.md).
    public struct Tuning: Sendable, Hashable {
        /// Squashing constant of x / √(x² + α); VADER uses 15.
        public var alpha: Double = 30
        /// |score| below this is neutral; VADER uses 0.05.
        public var neutralBand: Double = 0.01
        /// Multiplier for a negated negative word (VADER: -0.74 for both signs).
        public var negatedNegative: Double = -0.3
        public var negatedPositive: Double = -0.74
        public var beforeContrast: Double = 0.5
        public var afterContrast: Double = 1.5
        /// Weight of negative contributions against positive ones (people weigh bad news more).
        public var negativeWeight: Double = 1.5
        /// The sum is divided by (number of valenced words)^p, so long sentences do not
        /// saturate merely by being long; VADER uses p = 0.
        public var lengthExponent: Double = 0.5

        public init() {}
    }

    public var tuning: Tuning
    let lexicon: LexiconTable

    public init(tuning: Tuning = Tuning()) {
        self.init(lexicon: SentimentLexicon.standard, tuning: tuning)
    }

    init(lexicon: LexiconTable, tuning: Tuning = Tuning()) {
        self.lexicon = lexicon
        self.tuning = tuning
    }

    /// Scores `text`; `language` (ISO 639-1) silences English words that are function words
    /// in that language ("die", "war").
    public func score(_ text: String, language: String? = nil) -> Sentiment {
        SocialTokenizer(lexicon: lexicon).withTokens(text) { score($0, language: language ?? "en") }
    }

    func score(_ text: TokenizedText, language: String) -> Sentiment {
        score(text, english: Self.isEnglish(language))
    }

    /// English words silenced elsewhere ("die", "war") keep their valence for these.
    static func isEnglish(_ language: String) -> Bool { language == "en" || language == "und" }

    func score(_ text: TokenizedText, english: Bool) -> Sentiment {
        let raw = rawSum(text, english: english)
        // Nothing valenced (most posts' sum is 0): ±0 divided by a positive root is ±0 itself,
        // so the square root and the division are skipped (not when α ≤ 0: 0 / 0 is NaN).
        let compound = raw == 0 && tuning.alpha > 0 ? raw : raw / (raw * raw + tuning.alpha).squareRoot()
        let score = max(-1, min(1, compound))
        let label: Sentiment.Label =
            score >= tuning.neutralBand ? .positive : score <= -tuning.neutralBand ? .negative : .neutral
        return Sentiment(label: label, score: score)
    }

    /// The unsquashed sum of adjusted valences (VADER's "sum_s"), for calibration tools.
    public func rawScore(_ text: String, language: String? = nil) -> Double {
        SocialTokenizer(lexicon: lexicon).withTokens(text) {
            rawSum($0, english: Self.isEnglish(language ?? "en"))
        }
    }

    /// The unsquashed sum of adjusted valences (VADER's "sum_s").
    func rawSum(_ text: TokenizedText, english: Bool) -> Double {
        let count = text.tokens.count
        guard count > 0 else { return 0 }
        let infos = lexicon.infos
        return withScratch(of: Float.self, count: count) { values -> Double in
            var sarcasm = false
            var skipNext = false
            var contrast = false
            var scored = false
            values.initialize(repeating: 0, count: count)
            for i in 0..<count {
                let token = text.tokens[i]
                // Tokens without a valence, phrase, sarcasm or contrast entry score nothing (the
                // tokenizer marked the others).
                guard token.flags.contains(.sentimentCue) else {
                    skipNext = false
                    continue
                }
                var info = infos[Int(token.term)]
                if !info.flags.isDisjoint(with: [.contrast, .weakContrast]) { contrast = true }
                if skipNext {
                    skipNext = false
                    continue
                }
                if info.flags.contains(.startsPhrase), i + 1 < count {
                    let phrase = lexicon.findPair(text, i)
                    if phrase >= 0 && infos[phrase].flags.contains(.sentiment) {
                        info = infos[phrase]
                        skipNext = true
                    }
                }
                if info.flags.contains(.sarcasm) { sarcasm = true }
                var v = info.valence
                if v == 0 { continue }
                if !english && info.flags.contains(.englishOnly) { continue }
                // A modifier gives up its own valence when it modifies a valenced neighbour.
                if info.booster != 0 || info.flags.contains(.negator), !skipNext, i + 1 < count,
                    valence(of: text.tokens[i + 1], infos) != 0
                {
                    continue
                }
                let sign: Float = v > 0 ? 1 : -1
                if token.flags.contains(.allCaps) && !text.isShouting { v += sign * 0.733 }
                if token.flags.contains(.elongated) { v += sign * 0.3 }
                v = applyModifiers(text, i, v, infos)
                values[i] = v
                if v != 0 { scored = true }
            }
            // Nothing valenced (common): the sum is 0 and so is the emphasis.
            guard scored else { return 0 }
            if contrast { applyContrast(text, values, infos) }
            var sum: Double = 0
            var ironic = false
            var valenced = 0
            if !sarcasm { ironic = isIronicOpener(text, values, infos) }
            for i in 0..<count {
                var v = Double(values[i])
                if v == 0 { continue }
                valenced += 1
                if (sarcasm || ironic) && v > 0 { v *= -0.5 }
                sum += v < 0 ? v * tuning.negativeWeight : v
            }
            if valenced > 1 && tuning.lengthExponent != 0 {
                // x^0.5 is √x (the same double for every count: checked for 1…2,000,000), without pow().
                sum /=
                    tuning.lengthExponent == 0.5
                    ? Double(valenced).squareRoot() : pow(Double(valenced), tuning.lengthExponent)
            }
            if sum != 0 {
                var emphasis = Double(min(text.exclamations, 4)) * 0.292
                if text.questions > 1 { emphasis += Double(min(text.questions, 3)) * 0.18 }
                sum += sum > 0 ? emphasis : -emphasis
            }
            return sum
        }
    }

    // MARK: - Rules

    private func valence(of token: Token, _ infos: UnsafePointer<TermInfo>) -> Float {
        token.term >= 0 ? infos[Int(token.term)].valence : 0
    }

    /// Boosters and negation looking back from token `i`.
    private func applyModifiers(_ text: TokenizedText, _ i: Int, _ value: Float, _ infos: UnsafePointer<TermInfo>)
        -> Float
    {
        var v = value
        let sign: Float = v > 0 ? 1 : -1
        var negations = 0
        var inClause = true
        var j = 1
        while j <= 3 && i - j >= 0 {
            let p = text.tokens[i - j]
            if p.flags.contains(.sentenceEnd) { break }
            if p.flags.contains(.clauseEnd) { inClause = false }
            if p.term >= 0 {
                var info = infos[Int(p.term)]
                if info.flags.contains(.startsPhrase) && j >= 2 {
                    // "kind of good": the modifier is the phrase, not its first word.
                    let pair = lexicon.findPair(text, i - j)
                    if pair >= 0 && infos[pair].flags.contains(.sentiment) { info = infos[pair] }
                }
                if info.booster != 0 {
                    var b = info.booster * (j == 1 ? 1 : j == 2 ? 0.95 : 0.9)
                    if p.flags.contains(.allCaps) && !text.isShouting { b += b > 0 ? 0.733 : -0.733 }
                    v += sign * b
                }
                if info.flags.contains(.contrast) { inClause = false }
                if inClause && info.flags.contains(.negator) && !isNotOnly(text, i - j) { negations += 1 }
            }
            j += 1
        }
        if negations % 2 == 1 {
            v *= Float(v > 0 ? tuning.negatedPositive : tuning.negatedNegative)
        }
        return v
    }

    /// "not only … but" is not a negation.
    private func isNotOnly(_ text: TokenizedText, _ k: Int) -> Bool {
        k + 1 < text.tokens.count && text.token(text.tokens[k], is: "not") && text.token(text.tokens[k + 1], is: "only")
    }

    /// Within each sentence, the words after the last "but" weigh more than those before it.
    private func applyContrast(
        _ text: TokenizedText, _ values: UnsafeMutablePointer<Float>, _ infos: UnsafePointer<TermInfo>
    ) {
        var sentenceStart = 0
        let count = text.tokens.count
        var i = 0
        while i < count {
            let isEnd = text.tokens[i].flags.contains(.sentenceEnd) || i == count - 1
            if isEnd {
                weighContrast(text, values, infos, sentenceStart, i)
                sentenceStart = i + 1
            }
            i += 1
        }
    }

    private func weighContrast(
        _ text: TokenizedText, _ values: UnsafeMutablePointer<Float>, _ infos: UnsafePointer<TermInfo>, _ from: Int,
        _ to: Int
    ) {
        var pivot = -1
        for k in from...to where text.tokens[k].term >= 0 {
            let flags = infos[Int(text.tokens[k].term)].flags
            if flags.contains(.contrast) {
                pivot = k
            } else if flags.contains(.weakContrast) && k == from {
                // "Although X, Y": the pivot is the end of the first clause.
                var c = k
                while c < to && !text.tokens[c].flags.contains(.clauseEnd) { c += 1 }
                if c < to { pivot = c }
            }
        }
        guard pivot >= 0 else { return }
        let before = Float(tuning.beforeContrast)
        let after = Float(tuning.afterContrast)
        for k in from...to {
            if k < pivot { values[k] *= before } else if k > pivot { values[k] *= after }
        }
    }

    /// "Great, another outage." / "Love waiting two hours": a positive opener followed
    /// closely by a word that only makes sense ironically.
    private func isIronicOpener(
        _ text: TokenizedText, _ values: UnsafeMutablePointer<Float>, _ infos: UnsafePointer<TermInfo>
    )
        -> Bool
    {
        let count = text.tokens.count
        var first = 0
        while first < count && values[first] == 0 && first < 3 { first += 1 }
        guard first < count, values[first] > 0 else { return false }
        var k = first + 1
        while k < count && k <= first + 4 {
            let t = text.tokens[k]
            if t.term >= 0 && infos[Int(t.term)].flags.contains(.ironyTarget) { return true }
            if t.flags.contains(.sentenceEnd) { break }
            k += 1
        }
        return false
    }
}
