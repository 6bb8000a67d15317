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

    // Not inlined into the benchmark loop: callers in other modules cannot inline it either,
    // and callgrind measures it by this symbol.
    @inline(never)
    public func analyze(_ input: AnalysisInput) -> PostAnalysis {
        // The token-level steps run inside the tokenizer's scratch scope; the closure captures
        // only small trivial values (no Strings), so nothing is copied or retained per post.
        let declared = Self.normalise(input.language)
        let (languages, scorer, classifier, extractor) = (self.languages, self.sentiment, self.intents, self.topics)
        let (language, sentiment, intents, topics) = tokenizer.withTokens(input.text) {
            tokens -> (String, Sentiment, [Intent], TopicList) in
            let language = declared ?? languages.detect(tokens)
            let sentiment = scorer.score(tokens, english: SentimentScorer.isEnglish(language))
            return (
                language, sentiment, classifier.classify(tokens, sentiment: sentiment), extractor.topicList(tokens)
            )
        }
        let influence = InfluenceModel.score(input)
        let (level, reasons) = priority.decideCompact(
            input, sentiment: sentiment, intents: intents, influence: influence)
        return PostAnalysis(
            sentiment: sentiment, intents: intents, language: language, topicList: topics, influence: influence,
            level: level, reasonList: reasons)
    }

    /// Trusts a platform language tag ("en-GB" → "en"); nil when absent or empty.
    static func normalise(_ tag: String?) -> String? {
        guard let tag, !tag.isEmpty else { return nil }
        let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return primary.isEmpty ? nil : primary
    }
}
