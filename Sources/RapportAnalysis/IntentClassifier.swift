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
        let tokens = SocialTokenizer(lexicon: SentimentLexicon.standard).tokenize(text)
        let sentiment = SentimentScorer().score(tokens, language: "en")
        return classify(tokens, sentiment: sentiment)
    }

    func classify(_ text: TokenizedText, sentiment: Sentiment) -> [Intent] {
        var evidence: (Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &evidence) { raw in
            let e = raw.bindMemory(to: Double.self)
            var i = 0
            let count = text.tokens.count
            let infos = cues.infos
            while i < count {
                let token = text.tokens[i]
                i += 1
                if token.flags.contains(.mention) { continue }
                // The tokenizer already found the entry; a collapsed elongation is no cue.
                guard token.term >= 0, !token.flags.contains(.collapsed) else { continue }
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
        }
        return withUnsafeBytes(of: &evidence) { raw in
            let e = raw.bindMemory(to: Double.self)
            var intents: [Intent] = []
            intents.reserveCapacity(3)
            for (k, name) in Intent.Name.allCases.enumerated() {
                let confidence = 1 - exp(-e[k])
                if confidence >= threshold { intents.append(Intent(name: name, confidence: rounded(confidence))) }
            }
            if intents.isEmpty {
                // Nothing asked, praised or complained about: a bare mention, weakly noise.
                intents.append(Intent(name: .noise, confidence: 0.3))
            }
            // At most six: a stable insertion sort in place, no second array.
            var k = 1
            while k < intents.count {
                let item = intents[k]
                var j = k
                while j > 0 && intents[j - 1].confidence < item.confidence {
                    intents[j] = intents[j - 1]
                    j -= 1
                }
                intents[j] = item
                k += 1
            }
            return intents
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
