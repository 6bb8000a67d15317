/// Rapport's text analysis: one call turns a post into sentiment, intents, language, topics,
/// influence and a funnel level with reasons. Pure and thread-safe; build one and share it.
public struct Analyzer: Sendable {
    public var sentiment: SentimentScorer
    public var intents: IntentClassifier
    public var languages: LanguageDetector
    public var topics: TopicExtractor
    public var priority: PriorityRules
    let tokenizer: SocialTokenizer

    /// Loads the lexicons (once per process) into their hash tables.
    public init() {
        sentiment = SentimentScorer()
        intents = IntentClassifier()
        languages = LanguageDetector()
        topics = TopicExtractor()
        priority = PriorityRules()
        tokenizer = SocialTokenizer(lexicon: SentimentLexicon.standard)
    }

    public func analyze(_ input: AnalysisInput) -> PostAnalysis {
        let tokens = tokenizer.tokenize(input.text)
        let language = Self.normalise(input.language) ?? languages.detect(tokens)
        let sentiment = sentiment.score(tokens, language: language)
        let intents = intents.classify(tokens, sentiment: sentiment)
        let influence = InfluenceModel.score(input)
        let (level, reasons) = priority.decide(input, sentiment: sentiment, intents: intents, influence: influence)
        return PostAnalysis(
            sentiment: sentiment, intents: intents, language: language, topics: topics.topics(tokens),
            influence: influence, level: level, reasons: reasons)
    }

    /// Trusts a platform language tag ("en-GB" → "en"); nil when absent or empty.
    static func normalise(_ tag: String?) -> String? {
        guard let tag, !tag.isEmpty else { return nil }
        let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return primary.isEmpty ? nil : primary
    }
}
