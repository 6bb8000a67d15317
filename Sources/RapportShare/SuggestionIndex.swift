import Foundation
import RapportAnalysis

/// The knowledge base's suggestion ranking: an in-memory BM25 index over the published articles, with what Rapport
/// knows on top — normalised terms, field weights, multilingual support concepts, typo tolerance, the analyser's
/// language and topics of the question, and the articles' usage and outcomes (the questions of the resolved
/// conversations they were inserted in are indexed with them). Immutable once built, so any number of requests
/// read it at once; the server rebuilds it when an article changes.
public struct SuggestionIndex: Sendable {
    public let options: RankingOptions
    /// Article ids, by internal document number.
    let ids: [Int64]
    let languages: [String]
    let titleTerms: [Set<Int32>]
    /// Multiplier from usage and outcomes (1 without any).
    let priors: [Float]
    let terms: [String: Int32]
    /// Postings per term: (document, weighted term frequency).
    let postings: [[Posting]]
    let lengths: [Float]
    let averageLength: Float
    let typos: TypoIndex?

    struct Posting: Sendable {
        var document: Int32
        var frequency: Float
    }

    static let k1: Float = 1.2
    static let b: Float = 0.75

    public var count: Int { ids.count }

    public init(_ documents: [KnowledgeDocument], options: RankingOptions = .full) {
        self.options = options
        var terms: [String: Int32] = [:]
        var postings: [[Posting]] = []
        var lengths: [Float] = []
        var titleTerms: [Set<Int32>] = []
        var priors: [Float] = []
        func id(_ term: String) -> Int32 {
            if let id = terms[term] { return id }
            let id = Int32(postings.count)
            terms[term] = id
            postings.append([])
            return id
        }
        for (n, document) in documents.enumerated() {
            var frequencies: [Int32: Float] = [:]
            var length: Float = 0
            func add(_ text: String, weight: Float, cap: Float = .infinity) -> Set<Int32> {
                var seen = Set<Int32>()
                var local: [Int32: Float] = [:]
                for term in Self.terms(text, options) {
                    let t = id(term)
                    local[t, default: 0] += weight
                    seen.insert(t)
                }
                for (t, f) in local {
                    frequencies[t, default: 0] += Swift.min(f, cap)
                    length += Swift.min(f, cap)
                }
                return seen
            }
            if options.fieldWeights {
                titleTerms.append(add(document.title, weight: 2.5))
                _ = add((document.tags + [document.category]).joined(separator: " "), weight: 1.5)
            } else {
                titleTerms.append(add(document.title, weight: 1))
            }
            _ = add(document.body, weight: 1)
            if options.learning, !document.resolvedQuestions.isEmpty {
                // Many resolved conversations must not drown the article's own words: each term counts at most 3.
                _ = add(document.resolvedQuestions.prefix(50).joined(separator: "\n"), weight: 0.5, cap: 3)
            }
            for (t, f) in frequencies { postings[Int(t)].append(Posting(document: Int32(n), frequency: f)) }
            lengths.append(length)
            priors.append(options.learning ? Self.prior(document.usage) : 1)
        }
        self.ids = documents.map(\.id)
        self.languages = documents.map(\.language)
        self.titleTerms = titleTerms
        self.priors = priors
        self.terms = terms
        self.postings = postings
        self.lengths = lengths
        self.averageLength = lengths.isEmpty ? 1 : Swift.max(1, lengths.reduce(0, +) / Float(lengths.count))
        self.typos =
            options.typos
            ? TypoIndex(terms.keys.filter { !$0.hasPrefix("~") } + SupportConcepts.words.keys) : nil
    }

    /// Articles that worked get a little lift, ones that did not a little less: outcomes reorder close matches
    /// and never make an unrelated article appear (the prior multiplies a text score).
    static func prior(_ usage: ArticleUsage) -> Float {
        guard usage.inserted > 0 else { return 1 }
        let resolvedShare = Float(usage.resolved) / Float(usage.inserted)
        var lift = 0.04 * log(1 + Float(usage.resolved)) + 0.05 * (resolvedShare - 0.5)
        if usage.ratings > 0 {
            let average = Float(usage.ratingSum) / Float(usage.ratings)
            lift += 0.04 * (average - 3) / 2
        }
        return 1 + Swift.max(-0.1, Swift.min(0.2, lift))
    }

    /// The terms `text` is indexed or looked up by.
    static func terms(_ text: String, _ options: RankingOptions) -> [String] {
        guard options.normalise else {
            return text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        }
        let words = SearchText.words(text)
        var out = words.compactMap(SearchText.term)
        if options.concepts { out += SupportConcepts.concepts(in: words) }
        return out
    }

    /// The best `limit` articles for a customer's message, best first (ties: lower id first).
    public func suggest(_ text: String, limit: Int = 5) -> [RankedArticle] {
        guard !ids.isEmpty, limit > 0 else { return [] }
        var query: [Int32: Float] = [:]
        func add(_ term: String, _ weight: Float) {
            guard let t = terms[term] else { return }
            query[t] = Swift.max(query[t] ?? 0, weight)
        }
        if options.normalise {
            let words = SearchText.words(text)
            for word in words {
                guard let term = SearchText.term(word) else { continue }
                // A word neither the index nor the concept lexicon knows stands for the known words one edit away.
                if options.typos, let typos, terms[term] == nil, SupportConcepts.words[term] == nil, word.count >= 4 {
                    for near in typos.near(term) {
                        add(near, 0.8)
                        if options.concepts { for c in SupportConcepts.words[near] ?? [] { add("~" + c, 0.6) } }
                    }
                } else {
                    add(term, 1)
                }
            }
            if options.concepts { for concept in SupportConcepts.concepts(in: words) { add(concept, 0.7) } }
        } else {
            for term in Self.terms(text, options) { add(term, 1) }
        }
        guard !query.isEmpty else { return [] }
        var scores = [Float](repeating: 0, count: ids.count)
        let n = Float(ids.count)
        for (t, weight) in query {
            let list = postings[Int(t)]
            let df = Float(list.count)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            for posting in list {
                let d = Int(posting.document)
                let f = posting.frequency
                let norm = Self.k1 * (1 - Self.b + Self.b * lengths[d] / averageLength)
                scores[d] += weight * idf * f * (Self.k1 + 1) / (f + norm)
            }
        }
        if options.analysis { applyAnalysis(text, query: query, to: &scores) }
        if options.learning { for d in scores.indices where scores[d] > 0 { scores[d] *= priors[d] } }
        return Self.top(scores, ids: ids, limit: limit)
    }

    /// The analyser's reading of the question: articles in its language get a lift, and an article whose title
    /// holds a whole key phrase of the question (a topic, e.g. "tracking number") more.
    func applyAnalysis(_ text: String, query: [Int32: Float], to scores: inout [Float]) {
        let language = LanguageDetector().detect(text)
        var phrases: [[Int32]] = []
        for topic in TopicExtractor().topics(text) {
            let ids = SearchText.terms(topic).compactMap { terms[$0] }
            if ids.count >= 2 { phrases.append(ids) }
        }
        for d in scores.indices where scores[d] > 0 {
            if language != "und", !languages[d].isEmpty {
                scores[d] *= languages[d] == language ? 1.15 : 0.95
            }
            for phrase in phrases where phrase.allSatisfy(titleTerms[d].contains) { scores[d] *= 1.2 }
        }
    }

    static func top(_ scores: [Float], ids: [Int64], limit: Int) -> [RankedArticle] {
        var best: [(Float, Int)] = []
        best.reserveCapacity(limit + 1)
        for (d, s) in scores.enumerated() where s > 0 {
            if best.count == limit, let last = best.last, s <= last.0 { continue }
            let at = best.firstIndex { s > $0.0 } ?? best.count
            best.insert((s, d), at: at)
            if best.count > limit { best.removeLast() }
        }
        return best.map { RankedArticle(id: ids[$0.1], score: (Double($0.0) * 1000).rounded() / 1000) }
    }
}
