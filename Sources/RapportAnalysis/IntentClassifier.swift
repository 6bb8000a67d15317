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

    /// Intents at or above the threshold, most confident first (stable), in one allocation.
    private func intents(from e: UnsafeMutableBufferPointer<Double>) -> [Intent] {
        var kept: (Intent, Intent, Intent, Intent, Intent, Intent) = (
            Self.none, Self.none, Self.none, Self.none, Self.none, Self.none
        )
        return withUnsafeMutableBytes(of: &kept) { raw in
            let list = raw.bindMemory(to: Intent.self)
            var n = 0
            for k in 0..<6 {
                // No evidence gives confidence 0: skip exp() unless the threshold admits 0.
                if e[k] == 0 && threshold > 0 { continue }
                let confidence = 1 - exp(-e[k])
                if confidence >= threshold {
                    // A stable insertion in place: at most six.
                    let item = Intent(name: Self.name(k), confidence: rounded(confidence))
                    var j = n
                    while j > 0 && list[j - 1].confidence < item.confidence {
                        list[j] = list[j - 1]
                        j -= 1
                    }
                    list[j] = item
                    n += 1
                }
            }
            if n == 0 {
                // Nothing asked, praised or complained about: a bare mention, weakly noise.
                list[0] = Self.none
                n = 1
            }
            if n == 1 {
                // Most posts have one intent: share a prebuilt array instead of allocating one.
                let k = Int((list[0].confidence * 100).rounded())
                if k >= 0 && k <= 100 {
                    return Self.single[Self.index(of: list[0].name) * 101 + k]
                }
            }
            var intents: [Intent] = []
            intents.reserveCapacity(n)
            for k in 0..<n { intents.append(list[k]) }
            return intents
        }
    }

    private static let none = Intent(name: .noise, confidence: 0.3)

    /// `[Intent(name: name(k / 101), confidence: Double(k % 101) / 100)]` for every intent and
    /// every confidence the classifier can give (two decimals): immutable arrays built once and
    /// shared by the analyses that have exactly that one intent.
    private static let single: [[Intent]] = (0..<6 * 101).map { k in
        [Intent(name: name(k / 101), confidence: Double(k % 101) / 100)]
    }

    private static func index(of name: Intent.Name) -> Int {
        switch name {
        case .complaint: 0
        case .question: 1
        case .praise: 2
        case .purchaseIntent: 3
        case .churnThreat: 4
        case .noise: 5
        }
    }

    /// `Intent.Name.allCases[k]` without building the array.
    private static func name(_ k: Int) -> Intent.Name {
        switch k {
        case 0: .complaint
        case 1: .question
        case 2: .praise
        case 3: .purchaseIntent
        case 4: .churnThreat
        default: .noise
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

    private func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
