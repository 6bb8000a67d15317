/// Rapport's text analysis: one call turns a post into sentiment, intents, language, topics,
/// influence and a funnel level with reasons. Pure and thread-safe; build one and share it.
public struct Analyzer: Sendable {
    public var sentiment: SentimentScorer
    public var intents: IntentClassifier
    public var languages: LanguageDetector
    public var topics: TopicExtractor
    public var priority: PriorityRules
    let tokenizer: SocialTokenizer
    /// The learned sentiment model blended with the lexicon for English posts; nil: lexicon only.
    let sentimentModel: SentimentModel?

    /// Loads the lexicons and the sentiment model (once per process). `learnedSentiment` false
    /// gives the lexicon-only analyser (for comparisons).
    public init(learnedSentiment: Bool = true) {
        sentiment = SentimentScorer()
        intents = IntentClassifier()
        languages = LanguageDetector()
        topics = TopicExtractor()
        priority = PriorityRules()
        tokenizer = SocialTokenizer(lexicon: SentimentLexicon.standard)
        sentimentModel = learnedSentiment ? SentimentModel.standard : nil
    }

    // Not inlined into the benchmark loop: callers in other modules cannot inline it either,
    // and callgrind measures it by this symbol.
    @inline(never)
    public func analyze(_ input: AnalysisInput) -> PostAnalysis {
        analyze(input) { body in tokenizer.withTokens(input.text, body) }
    }

    /// `analyze` of a post whose text is the UTF-8 bytes `text` (valid UTF-8); `input.text` is
    /// not read. For readers that hold the text as bytes (`rapport analyze` lends it from its input
    /// line): making it a String first cost an allocation, a copy, a UTF-8 check and a free per post.
    @inline(never)
    public func analyze(_ input: AnalysisInput, utf8 text: UnsafeBufferPointer<UInt8>) -> PostAnalysis {
        analyze(input) { body in tokenizer.withTokens(bytes: text, body) }
    }

    @inline(__always)
    private func analyze(
        _ input: AnalysisInput, tokenized withTokens: ((TokenizedText) -> Void) -> Void
    ) -> PostAnalysis {
        // The token-level steps run inside the tokenizer's scratch scope. They write their results
        // to these locals rather than returning them: the closure then returns nothing, and no
        // tuple holding Strings or optional arrays is copied through a generic result and
        // destroyed (that cost several reference-count calls per post).
        let declared = Self.normalise(input.language)
        let (languages, scorer, classifier, extractor) = (self.languages, self.sentiment, self.intents, self.topics)
        let model = sentimentModel
        var detected = 7
        var sentiment = Sentiment(label: .neutral, score: 0)
        var intents = IntentList()
        var topics = TopicList()
        let english = declared.map(SentimentScorer.isEnglish)
        withTokens { tokens in
            if english == nil { detected = languages.detectIndex(tokens) }
            // Index 0 is "en", 7 "und" (`LanguageDetector.code`).
            let isEnglish = english ?? (detected == 0 || detected == 7)
            sentiment = scorer.score(tokens, english: isEnglish)
            // English posts: the lexicon blended with the learned model (which also reads the lexicon's score),
            // SentimentModel.blend; other languages and posts of emoji alone keep the lexicon (the model saw
            // English text).
            if english ?? (detected == 0), let model {
                sentiment = model.sentiment(tokens, lexicon: sentiment.score, scorer.lexicon.infos)
            }
            intents = classifier.classifyList(tokens, sentiment: sentiment)
            topics = extractor.topicList(tokens)
        }
        let influence = InfluenceModel.score(input)
        let (level, reasons) = priority.decideCompact(
            input, sentiment: sentiment, intents: intents, influence: influence)
        if let declared {
            return PostAnalysis(
                sentiment: sentiment, intentList: intents, language: declared, topicList: topics,
                influence: influence, level: level, reasonList: reasons)
        }
        return PostAnalysis(
            sentiment: sentiment, intentList: intents, detected: detected, topicList: topics, influence: influence,
            level: level, reasonList: reasons)
    }

    /// Trusts a platform language tag ("en-GB" → "en"); nil when absent or empty.
    static func normalise(_ tag: String?) -> String? {
        guard let tag, !tag.isEmpty else { return nil }
        let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return primary.isEmpty ? nil : primary
    }
}
