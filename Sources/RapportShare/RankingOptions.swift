/// Which of the ranking's signals are on. ``plainBM25`` is the baseline the evaluation compares against: BM25 over
/// title and body, lower-cased words, nothing else (what a plain full-text search would rank).
public struct RankingOptions: Sendable, Hashable {
    /// Accent folding, stopwords and light stems (else lower-cased words as they are).
    public var normalise = true
    /// Title, tags and category count more than the body (else one text).
    public var fieldWeights = true
    /// Multilingual support concepts (`SupportConcepts`).
    public var concepts = true
    /// Words not in the vocabulary matched to those one edit away.
    public var typos = true
    /// The analyser's language and topics of the question.
    public var analysis = true
    /// Usage, outcomes and the questions of resolved conversations.
    public var learning = true

    public init() {}

    /// Everything on.
    public static let full = RankingOptions()

    /// BM25 alone.
    public static let plainBM25: RankingOptions = {
        var o = RankingOptions()
        (o.normalise, o.fieldWeights, o.concepts, o.typos, o.analysis, o.learning) = (
            false, false, false, false, false, false
        )
        return o
    }()
}
