/// Key phrases and hashtags of one post.
///
/// Hashtags come first (with their `#`, lower-cased, CamelCase pieces joined back). Key phrases
/// are runs of up to three content words inside a clause: words that are not stopwords in any
/// supported language, not sentiment or modifier words, not mentions, and at least three bytes
/// long (or containing a digit, like "5g"). Longer and capitalised phrases rank first.
public struct TopicExtractor: Sendable {
    public var maxTopics = 5
    let lexicon: LexiconTable

    public init() { lexicon = SentimentLexicon.standard }

    public func topics(_ text: String) -> [String] {
        topics(SocialTokenizer(lexicon: lexicon).tokenize(text))
    }

    /// Hashtags and content words, each once: the terms `TrendingTerms` counts.
    public func terms(_ text: String) -> [String] {
        let tokens = SocialTokenizer(lexicon: lexicon).tokenize(text)
        var seen = Set<String>()
        var out: [String] = []
        for tag in hashtags(tokens) where seen.insert(tag).inserted { out.append(tag) }
        for token in tokens.tokens
        where !token.flags.contains(.hashtag) && isContent(tokens, token, allowSentiment: true) {
            let word = tokens.text(of: token)
            if seen.insert(word).inserted { out.append(word) }
        }
        return out
    }

    func topics(_ text: TokenizedText) -> [String] {
        var out = hashtags(text)
        var phrases: [(String, Int)] = []
        var run: [Token] = []
        func flush() {
            guard !run.isEmpty else { return }
            let words = run.suffix(3)
            let phrase = words.map { text.text(of: $0) }.joined(separator: " ")
            let capitals = words.filter { $0.flags.contains(.capitalised) }.count
            phrases.append((phrase, words.count * 2 + capitals))
            run.removeAll(keepingCapacity: true)
        }
        for token in text.tokens {
            if isContent(text, token) && !token.flags.contains(.hashtag) {
                run.append(token)
                if token.flags.contains(.clauseEnd) || run.count == 3 { flush() }
            } else {
                flush()
            }
        }
        flush()
        for (phrase, _) in phrases.enumerated().sorted(by: {
            $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset
        }).map(\.element)
        where out.count < maxTopics && !out.contains(phrase) {
            out.append(phrase)
        }
        return Array(out.prefix(maxTopics))
    }

    func hashtags(_ text: TokenizedText) -> [String] {
        var out: [String] = []
        for token in text.tokens where token.flags.contains(.hashtag) {
            if token.flags.contains(.continuation), let last = out.indices.last {
                out[last] += text.text(of: token)
            } else {
                out.append("#" + text.text(of: token))
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// Whether `token` can be (part of) a topic; `allowSentiment` keeps words like "outage"
    /// for trend counting, where a burst of them is exactly the news.
    func isContent(_ text: TokenizedText, _ token: Token, allowSentiment: Bool = false) -> Bool {
        guard token.flags.contains(.word), !token.flags.contains(.mention) else { return false }
        if token.length < 3 && !token.flags.contains(.hasDigit) { return false }
        if token.term >= 0 {
            let info = lexicon.infos[Int(token.term)]
            if (info.valence != 0 && !allowSentiment) || info.booster != 0
                || !info.flags.isDisjoint(with: [.negator, .contrast, .weakContrast])
            {
                return false
            }
        }
        return !LanguageWords.isStopword(text, token) && !TopicExtractor.isFiller(text, token)
    }

    static func isFiller(_ text: TokenizedText, _ token: Token) -> Bool {
        fillers.find(text, token) >= 0
    }

    private static let fillers: LexiconTable = {
        var table = LexiconTable(capacity: 64)
        for word in "lol omg via amp rt pls plz thx guys literally actually gonna wanna gotta yet".split(separator: " ")
        {
            table.upsert(String(word)) { _ in }
        }
        return table
    }()
}
