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
        SocialTokenizer(lexicon: lexicon).withTokens(text) { topics($0) }
    }

    /// Hashtags and content words, each once: the terms `TrendingTerms` counts.
    public func terms(_ text: String) -> [String] {
        SocialTokenizer(lexicon: lexicon).withTokens(text) { tokens in
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
    }

    /// A hashtag (byte range `first..<end`, `score` -1) or a key phrase (`count` consecutive
    /// content tokens from token `first`, ranked by `score`).
    private struct Phrase {
        var first: Int32
        var count: Int32
        var score: Int32
    }

    func topics(_ text: TokenizedText) -> [String] { topicList(text).strings }

    /// The topics as `PostAnalysis` keeps them: inline bytes when they fit, else an array.
    func topicList(_ text: TokenizedText) -> TopicList {
        let limit = maxTopics
        guard limit > 0 else { return TopicList() }
        let bytes = text.bytes
        let tokens = text.tokens
        let count = tokens.count
        // One pass collects the hashtags (each once, up to `limit`) and the phrases; topics are
        // byte ranges until the end, when Strings (and the array, if any) are made for what is
        // returned. Scratch: `limit` chosen topics (hashtags first), then up to `count` phrases
        // kept sorted.
        return withScratch(of: Phrase.self, count: limit + count + 1) { scratch in
            let tags = scratch
            let phrases = scratch + limit
            var tagCount = 0
            var found = 0
            var runStart = 0
            var runCount = 0
            var capitals = 0
            var k = 0
            while true {
                let flags = k < count ? tokens[k].flags : []
                if flags.contains(.topicWord) {
                    if runCount == 0 { runStart = k }
                    runCount += 1
                    if flags.contains(.capitalised) { capitals += 1 }
                    if !flags.contains(.clauseEnd) && runCount < 3 {
                        k += 1
                        continue
                    }
                }
                if runCount > 0 {
                    // Insert keeping the phrases sorted by score, highest first, earlier first on ties.
                    let phrase = Phrase(
                        first: Int32(runStart), count: Int32(runCount), score: Int32(runCount * 2 + capitals))
                    var j = found
                    while j > 0 && phrases[j - 1].score < phrase.score {
                        phrases[j] = phrases[j - 1]
                        j -= 1
                    }
                    phrases[j] = phrase
                    found += 1
                    runCount = 0
                    capitals = 0
                }
                if k == count { break }
                if flags.contains(.hashtag) && !flags.contains(.continuation) && tagCount < limit {
                    // CamelCase pieces sit back to back in the byte buffer: extend over them.
                    let token = tokens[k]
                    var end = token.start + token.length
                    var c = k + 1
                    while c < count && tokens[c].flags.contains(.continuation) {
                        end = tokens[c].start + tokens[c].length
                        c += 1
                    }
                    var seen = false
                    for r in 0..<tagCount where Self.equal(bytes, tags[r].first..<tags[r].count, token.start..<end) {
                        seen = true
                        break
                    }
                    if !seen {
                        tags[tagCount] = Phrase(first: token.start, count: end, score: -1)
                        tagCount += 1
                    }
                }
                k += 1
            }
            // Phrases follow the hashtags while there is room; a phrase equal to one ranked
            // before it was already chosen (or would have been).
            var total = tagCount
            var p = 0
            while p < found && total < limit {
                var seen = false
                var q = 0
                while q < p && !seen {
                    seen = Self.samePhrase(tokens, bytes, phrases[q], phrases[p])
                    q += 1
                }
                if !seen {
                    tags[total] = phrases[p]
                    total += 1
                }
                p += 1
            }
            guard total > 0 else { return TopicList() }
            let inline = TopicList.inline(count: total) { i, out, room in
                i < tagCount
                    ? Self.write(bytes, prefix: 0x23, tags[i].first..<tags[i].count, to: out, room: room)
                    : Self.write(tokens, bytes, tags[i], to: out, room: room)
            }
            if let inline { return inline }
            var out: [String] = []
            out.reserveCapacity(total)
            for t in 0..<tagCount { out.append(Self.string(bytes, prefix: 0x23, tags[t].first..<tags[t].count)) }
            for q in tagCount..<total { out.append(string(tokens, bytes, tags[q])) }
            return TopicList(out)
        }
    }

    /// Writes what `string(_:prefix:_:)` would hold to `out`; nil when it needs more than `room`.
    private static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, prefix: UInt8, _ range: Range<Int32>, to out: UnsafeMutableRawPointer,
        room: Int
    ) -> Int? {
        let extra = prefix == 0 ? 0 : 1
        let n = range.count + extra
        guard n <= room else { return nil }
        if extra == 1 { out.storeBytes(of: prefix, as: UInt8.self) }
        copyBytes(bytes.baseAddress! + Int(range.lowerBound), to: out + extra, count: range.count)
        return n
    }

    /// Writes the phrase's words joined by single spaces to `out`; nil when they need more than `room`.
    private static func write(
        _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, _ phrase: Phrase,
        to out: UnsafeMutableRawPointer, room: Int
    ) -> Int? {
        var length = Int(phrase.count) - 1
        for k in 0..<Int(phrase.count) { length += Int(tokens[Int(phrase.first) + k].length) }
        guard length <= room else { return nil }
        var n = 0
        for k in 0..<Int(phrase.count) {
            let token = tokens[Int(phrase.first) + k]
            if k > 0 {
                out.storeBytes(of: 0x20, toByteOffset: n, as: UInt8.self)
                n += 1
            }
            copyBytes(bytes.baseAddress! + Int(token.start), to: out + n, count: Int(token.length))
            n += Int(token.length)
        }
        return n
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
        _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, _ a: Phrase, _ b: Phrase
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

    /// The phrase's words joined by single spaces. A one-word phrase that is exactly a lexicon
    /// key takes the key's String, made once when the table was built.
    private func string(_ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, _ phrase: Phrase)
        -> String
    {
        let first = tokens[Int(phrase.first)]
        if phrase.count == 1 && first.term >= 0 && !first.flags.contains(.collapsed) {
            return lexicon.key(Int(first.term))
        }
        var length = Int(phrase.count) - 1
        for k in 0..<Int(phrase.count) { length += Int(tokens[Int(phrase.first) + k].length) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            let out = buffer.baseAddress!
            var n = 0
            for k in 0..<Int(phrase.count) {
                let token = tokens[Int(phrase.first) + k]
                if k > 0 {
                    out[n] = 0x20
                    n += 1
                }
                (out + n).update(from: bytes.baseAddress! + Int(token.start), count: Int(token.length))
                n += Int(token.length)
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

    static func isContent(_ token: Token, _ infos: UnsafePointer<TermInfo>, allowSentiment: Bool) -> Bool {
        if token.term < 0 {
            return token.flags.contains(.word) && !token.flags.contains(.mention)
                && (token.length >= 3 || token.flags.contains(.hasDigit))
        }
        return isContent(token, infos[Int(token.term)], allowSentiment: allowSentiment)
    }

    /// `isContent` for a token whose entry is `info`.
    @inline(__always) static func isContent(_ token: Token, _ info: TermInfo, allowSentiment: Bool = false) -> Bool {
        guard token.flags.contains(.word), !token.flags.contains(.mention) else { return false }
        if token.length < 3 && !token.flags.contains(.hasDigit) { return false }
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
    static func addFillers(to table: inout LexiconBuilder) {
        for word in "lol omg via amp rt pls plz thx guys literally actually gonna wanna gotta yet".split(separator: " ")
        {
            table.upsert(String(word)) { $0.flags.insert(.filler) }
        }
    }
}
