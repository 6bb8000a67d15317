/// The result of analysing one post. Stable contract: stored with every mention,
/// filtered on by the API and printed by `rapport analyze`.
public struct PostAnalysis: Sendable {
    public var sentiment: Sentiment
    /// One or more intents, most confident first.
    public var intents: [Intent] {
        get { intentList.array }
        set { intentList = IntentList(newValue) }
    }
    /// ISO 639-1 code (`en`, `es`, `fr`, `de`, `pt`, `it`, `nl`) or `und` when unknown.
    public var language: String {
        get { languageCode }
        set {
            languageCode = newValue
            detectedLanguage = -1
        }
    }
    /// Key phrases and hashtags (hashtags keep their `#`).
    public var topics: [String] {
        get { topicList.strings }
        set { topicList = TopicList(newValue) }
    }
    /// Author influence 0–100.
    public var influence: Int
    public var level: Level
    /// Why the post landed at its level, as short human-readable phrases.
    public var reasons: [String] {
        get { reasonList.strings }
        set { reasonList = ReasonList(newValue) }
    }

    // Intents, topics and reasons are kept compactly (see `IntentList`, `TopicList`, `ReasonList`):
    // the analyser makes millions of these and most are never read as arrays or Strings; those
    // are made when read.
    var intentList: IntentList
    var topicList: TopicList
    var reasonList: ReasonList
    private(set) var languageCode: String
    /// `language` as `LanguageDetector.code`'s index when the analyser detected it, else -1:
    /// `AnalyzeOutput` then writes it as fixed text (lending a String's bytes cost more than
    /// the rest of the language's output).
    private(set) var detectedLanguage: Int8 = -1

    public init(
        sentiment: Sentiment, intents: [Intent], language: String, topics: [String], influence: Int,
        level: Level, reasons: [String]
    ) {
        self.init(
            sentiment: sentiment, intentList: IntentList(intents), language: language, topicList: TopicList(topics),
            influence: influence, level: level, reasonList: ReasonList(reasons))
    }

    init(
        sentiment: Sentiment, intentList: IntentList, language: String, topicList: TopicList, influence: Int,
        level: Level, reasonList: ReasonList
    ) {
        self.sentiment = sentiment
        self.intentList = intentList
        self.languageCode = language
        self.topicList = topicList
        self.influence = influence
        self.level = level
        self.reasonList = reasonList
    }

    /// The analyser's result for a post whose language was detected (`LanguageDetector.code(detected)`).
    init(
        sentiment: Sentiment, intentList: IntentList, detected: Int, topicList: TopicList, influence: Int,
        level: Level, reasonList: ReasonList
    ) {
        self.init(
            sentiment: sentiment, intentList: intentList, language: LanguageDetector.code(detected),
            topicList: topicList, influence: influence, level: level, reasonList: reasonList)
        detectedLanguage = Int8(truncatingIfNeeded: detected)
    }
}

// Written by hand only because topics and reasons are computed: the same keys, in the same order,
// with the same types as the synthesised conformances had.
extension PostAnalysis: Codable {
    enum CodingKeys: String, CodingKey {
        case sentiment, intents, language, topics, influence, level, reasons
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            sentiment: try c.decode(Sentiment.self, forKey: .sentiment),
            intents: try c.decode([Intent].self, forKey: .intents),
            language: try c.decode(String.self, forKey: .language),
            topics: try c.decode([String].self, forKey: .topics),
            influence: try c.decode(Int.self, forKey: .influence),
            level: try c.decode(Level.self, forKey: .level),
            reasons: try c.decode([String].self, forKey: .reasons))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sentiment, forKey: .sentiment)
        try c.encode(intents, forKey: .intents)
        try c.encode(language, forKey: .language)
        try c.encode(topics, forKey: .topics)
        try c.encode(influence, forKey: .influence)
        try c.encode(level, forKey: .level)
        try c.encode(reasons, forKey: .reasons)
    }
}

// Equality and hashing see the topics and reasons, not how they are stored.
extension PostAnalysis: Hashable {
    public static func == (a: PostAnalysis, b: PostAnalysis) -> Bool {
        a.sentiment == b.sentiment && a.intentList == b.intentList && a.language == b.language
            && a.topicList == b.topicList && a.influence == b.influence && a.level == b.level
            && a.reasonList == b.reasonList
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sentiment)
        hasher.combine(intentList)
        hasher.combine(language)
        hasher.combine(topicList)
        hasher.combine(influence)
        hasher.combine(level)
        hasher.combine(reasonList)
    }
}

public struct Sentiment: Codable, Sendable, Hashable {
    public enum Label: String, Codable, Sendable, Hashable, CaseIterable {
        case positive, neutral, negative
    }
    public var label: Label
    /// In [-1, 1].
    public var score: Double

    public init(label: Label, score: Double) {
        self.label = label
        self.score = score
    }
}

public struct Intent: Codable, Sendable, Hashable {
    public enum Name: String, Codable, Sendable, Hashable, CaseIterable {
        case complaint
        case question
        case praise
        case purchaseIntent = "purchase_intent"
        case churnThreat = "churn_threat"
        case noise
    }
    public var name: Name
    /// In [0, 1].
    public var confidence: Double

    public init(name: Name, confidence: Double) {
        self.name = name
        self.confidence = confidence
    }
}

/// The funnel: every post lands in exactly one level.
public enum Level: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case noise
    case relevant
    case attention
    case urgent

    public static func < (lhs: Level, rhs: Level) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Everything the analyser may use about a post besides its text. All optional.
public struct AnalysisInput: Sendable, Hashable {
    public var text: String
    /// Platform-declared language, trusted when present.
    public var language: String?
    public var network: String?
    public var followers: Int?
    public var following: Int?
    public var verified: Bool
    /// Engagement on the post so far.
    public var likes: Int
    public var reposts: Int
    public var replies: Int
    public var quotes: Int
    /// Minutes between the post's creation and when its metrics were read; lets the
    /// analyser turn engagement into a velocity (amplification). Nil when unknown.
    public var ageMinutes: Double?
    /// The author's history in Rapport, when known.
    public var history: AuthorHistory?
    /// Back-office value of the customer (e.g. lifetime value in the brand's currency), when known.
    public var customerValue: Double?

    // Inlinable: readers in other modules (`rapport analyze` builds one per line) then set the
    // fields in place instead of calling an initializer that copies thirteen arguments.
    @inlinable
    public init(
        text: String, language: String? = nil, network: String? = nil, followers: Int? = nil,
        following: Int? = nil, verified: Bool = false, likes: Int = 0, reposts: Int = 0, replies: Int = 0,
        quotes: Int = 0, ageMinutes: Double? = nil, history: AuthorHistory? = nil, customerValue: Double? = nil
    ) {
        self.text = text
        self.language = language
        self.network = network
        self.followers = followers
        self.following = following
        self.verified = verified
        self.likes = likes
        self.reposts = reposts
        self.replies = replies
        self.quotes = quotes
        self.ageMinutes = ageMinutes
        self.history = history
        self.customerValue = customerValue
    }
}

/// What Rapport already knows about an author.
public struct AuthorHistory: Sendable, Hashable {
    public var mentionCount: Int
    public var negativeCount: Int
    public var averageEngagement: Double

    public init(mentionCount: Int, negativeCount: Int, averageEngagement: Double) {
        self.mentionCount = mentionCount
        self.negativeCount = negativeCount
        self.averageEngagement = averageEngagement
    }
}
