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
        var out: [String] = []
        let limit = maxTopics
        guard limit > 0 else { return out }
        // At most `limit` topics: one allocation instead of growing 1, 2, 4.
        out.reserveCapacity(limit)
        let tokens = text.tokens
        let count = tokens.count
        text.bytes.withUnsafeBufferPointer { bytes in
            // Hashtags first, each once; Strings are built only for the ones returned.
            withUnsafeTemporaryAllocation(of: Range<Int32>.self, capacity: limit) { kept in
                var keptCount = 0
                var k = 0
                while k < count && keptCount < limit {
                    let token = tokens[k]
                    k += 1
                    guard token.flags.contains(.hashtag) else { continue }
                    // CamelCase pieces sit back to back in the byte buffer: extend over them.
                    var end = token.start + token.length
                    while k < count && tokens[k].flags.contains(.continuation) {
                        end = tokens[k].start + tokens[k].length
                        k += 1
                    }
                    let range = token.start..<end
                    var seen = false
                    for r in 0..<keptCount where Self.equal(bytes, kept[r], range) {
                        seen = true
                        break
                    }
                    if seen { continue }
                    kept[keptCount] = range
                    keptCount += 1
                    out.append(Self.string(bytes, prefix: 0x23, range))
                }
            }
            guard out.count < limit else { return }
            addPhrases(text, bytes, into: &out)
        }
        return out
    }

    /// One key phrase: `count` consecutive content tokens from token `first`.
    private struct Phrase {
        var first: Int32
        var count: Int32
        var score: Int32
    }

    /// Runs of up to three content words, best first (longer, then more capitalised, then
    /// earlier), appended while `out` has room and the phrase is new.
    private func addPhrases(_ text: TokenizedText, _ bytes: UnsafeBufferPointer<UInt8>, into out: inout [String]) {
        let tokens = text.tokens
        let count = tokens.count
        let infos = lexicon.infos
        withUnsafeTemporaryAllocation(of: Phrase.self, capacity: count + 1) { phrases in
            var n = 0
            var runStart = 0
            var runCount = 0
            var capitals = 0
            func flush() {
                guard runCount > 0 else { return }
                phrases[n] = Phrase(
                    first: Int32(runStart), count: Int32(runCount), score: Int32(runCount * 2 + capitals))
                n += 1
                runCount = 0
                capitals = 0
            }
            for k in 0..<count {
                let token = tokens[k]
                if !token.flags.contains(.hashtag) && Self.isContent(token, infos, allowSentiment: false) {
                    if runCount == 0 { runStart = k }
                    runCount += 1
                    if token.flags.contains(.capitalised) { capitals += 1 }
                    if token.flags.contains(.clauseEnd) || runCount == 3 { flush() }
                } else {
                    flush()
                }
            }
            flush()
            guard n > 0 else { return }
            // Scores are 2…9: a pass per score keeps the order stable without sorting.
            var score: Int32 = 9
            while score >= 2 && out.count < maxTopics {
                for p in 0..<n where phrases[p].score == score && out.count < maxTopics {
                    var seen = false
                    var q = 0
                    while q < n && !seen {
                        // Earlier-chosen equal phrases: same score and earlier, or higher score.
                        let other = phrases[q]
                        if (other.score > score || (other.score == score && q < p))
                            && Self.samePhrase(tokens, bytes, other, phrases[p])
                        {
                            seen = true
                        }
                        q += 1
                    }
                    if !seen { out.append(Self.string(tokens, bytes, phrases[p])) }
                }
                score -= 1
            }
        }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int32>, _ b: Range<Int32>) -> Bool {
        guard a.count == b.count else { return false }
        var i = Int(a.lowerBound)
        var j = Int(b.lowerBound)
        let end = Int(a.upperBound)
        while i < end {
            if bytes[i] != bytes[j] { return false }
            i += 1
            j += 1
        }
        return true
    }

    private static func samePhrase(
        _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ a: Phrase, _ b: Phrase
    ) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<Int(a.count) {
            let x = tokens[Int(a.first) + k]
            let y = tokens[Int(b.first) + k]
            if !equal(bytes, x.start..<x.start + x.length, y.start..<y.start + y.length) { return false }
        }
        return true
    }

    /// `prefix` (when non-zero) followed by the bytes of `range`, as one String allocation at most.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, prefix: UInt8, _ range: Range<Int32>) -> String {
        let extra = prefix == 0 ? 0 : 1
        return String(unsafeUninitializedCapacity: range.count + extra) { buffer in
            if extra == 1 { buffer[0] = prefix }
            var k = extra
            for i in Int(range.lowerBound)..<Int(range.upperBound) {
                buffer[k] = bytes[i]
                k += 1
            }
            return k
        }
    }

    /// The phrase's words joined by single spaces.
    private static func string(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ phrase: Phrase) -> String {
        var length = Int(phrase.count) - 1
        for k in 0..<Int(phrase.count) { length += Int(tokens[Int(phrase.first) + k].length) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for k in 0..<Int(phrase.count) {
                let token = tokens[Int(phrase.first) + k]
                if k > 0 {
                    buffer[n] = 0x20
                    n += 1
                }
                for i in Int(token.start)..<Int(token.start + token.length) {
                    buffer[n] = bytes[i]
                    n += 1
                }
            }
            return n
        }
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
        Self.isContent(token, lexicon.infos, allowSentiment: allowSentiment)
    }

    static func isContent(_ token: Token, _ infos: [TermInfo], allowSentiment: Bool) -> Bool {
        guard token.flags.contains(.word), !token.flags.contains(.mention) else { return false }
        if token.length < 3 && !token.flags.contains(.hasDigit) { return false }
        guard token.term >= 0 else { return true }
        let info = infos[Int(token.term)]
        if (info.valence != 0 && !allowSentiment) || info.booster != 0
            || !info.flags.isDisjoint(with: [.negator, .contrast, .weakContrast])
        {
            return false
        }
        // Stopwords and fillers are keyed by plain words; a collapsed elongation is neither.
        if token.flags.contains(.collapsed) { return true }
        return info.languages == 0 && !info.flags.contains(.filler)
    }

    /// Enters the filler words into the shared lexicon.
    static func addFillers(to table: inout LexiconTable) {
        for word in "lol omg via amp rt pls plz thx guys literally actually gonna wanna gotta yet".split(separator: " ")
        {
            table.upsert(String(word)) { $0.flags.insert(.filler) }
        }
    }
}
