/// Splits social text into tokens in one pass over its UTF-8 bytes.
///
/// URLs are dropped, @mentions and #hashtags are kept and flagged (a hashtag's word still
/// carries sentiment: "#fail"), emoji become tokens of their own even when glued to a word,
/// and every word is lower-cased into one shared buffer and looked up in the lexicon without
/// allocating. Elongated words ("sooo") are looked up again with their runs collapsed.
struct SocialTokenizer: Sendable {
    let lexicon: LexiconTable

    func tokenize(_ text: String) -> TokenizedText {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0) }
    }

    func tokenize(bytes src: UnsafeBufferPointer<UInt8>) -> TokenizedText {
        var result = TokenizedText()
        // The lower-cased output is never longer than the input (URLs, "@", "#" and curly
        // apostrophes shrink), so one allocation of the input's size holds it all.
        result.bytes = [UInt8](unsafeUninitializedCapacity: src.count + 8) { buffer, initialized in
            var out = TokenBuilder(buffer: buffer)
            out.tokens.reserveCapacity(src.count / 4 + 4)
            scan(src, into: &out)
            initialized = out.written
            out.finish(into: &result)
        }
        return result
    }

    private func scan(_ src: UnsafeBufferPointer<UInt8>, into out: inout TokenBuilder) {
        var i = 0
        let n = src.count
        var atChunkStart = true
        while i < n {
            let b = src[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                atChunkStart = true
                i += 1
                continue
            }
            if atChunkStart {
                atChunkStart = false
                // The chunk's end is found only when it is needed: URL prefixes contain no
                // whitespace, so testing them against the whole input is the same test.
                let lower = b | 0x20
                if (lower == 0x68 || lower == 0x77) && isURL(src, i, n) {
                    out.urls += 1
                    i = chunkEnd(src, from: i)
                    continue
                }
                if b < 0x80 && !isWordByte(b) && b != 0x40 {
                    // Emoticons, "/s", "#sarcasm": the whole chunk may be a lexicon entry.
                    let end = chunkEnd(src, from: i)
                    if end - i <= 12 && emitChunk(src, i, end, into: &out) {
                        i = end
                        continue
                    }
                }
            }
            if b == 0x40 || b == 0x23 {  // @mention or #hashtag
                var j = i + 1
                while j < n, isWordByte(src[j]) || src[j] >= 0x80 && !isEmojiLead(src, j) { j += 1 }
                if j > i + 1 {
                    if b == 0x40 {
                        out.mentions += 1
                        appendToken(src, i + 1, j, flags: .mention, into: &out)
                    } else {
                        out.hashtags += 1
                        appendHashtag(src, i + 1, j, into: &out)
                    }
                }
                i = max(j, i + 1)
                continue
            }
            if isWordByte(b) || (b >= 0x80 && !isEmojiLead(src, i) && !isPunctuationScalar(src, i)) {
                i = appendWord(src, from: i, into: &out)
                continue
            }
            if b >= 0x80 {
                let len = scalarLength(b)
                if isInvisible(src, i) {
                    i += len
                    continue
                }
                if isEmojiLead(src, i) {
                    appendEmoji(src, i, min(n, i + len), into: &out)
                } else if isPunctuationScalar(src, i) {
                    markBoundary(&out, clause: true, sentence: src[i] == 0xE2 && i + 2 < n && src[i + 2] == 0xA6)
                }
                i += len
                continue
            }
            switch b {
            case 0x21:  // !
                out.exclamations += 1
                markBoundary(&out, clause: true, sentence: true)
            case 0x3F:  // ?
                out.questions += 1
                if let last = out.tokens.indices.last { out.tokens[last].flags.insert(.question) }
                markBoundary(&out, clause: true, sentence: true)
            case 0x2E:  // .
                markBoundary(&out, clause: true, sentence: true)
            case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x2D, 0x22:  // , ; : ( ) - "
                markBoundary(&out, clause: true, sentence: false)
            default:
                break
            }
            i += 1
        }
    }

    // MARK: - Emitting tokens

    private func appendToken(
        _ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, flags: TokenFlags,
        into out: inout TokenBuilder
    ) {
        var flags = flags
        let start = out.written
        var upper = 0
        var letters = 0
        var run = 1
        var prev: UInt8 = 0
        // FNV-1a of the lower-cased bytes, computed while writing them: the look-up needs no
        // second pass.
        var hash = LexiconTable.hashSeed
        var j = from
        while j < to {
            var c = src[j]
            if c >= 0x41 && c <= 0x5A {
                upper += 1
                letters += 1
                c += 0x20
            } else if c >= 0x61 && c <= 0x7A {
                letters += 1
            } else if c >= 0x30 && c <= 0x39 {
                flags.insert(.hasDigit)
            } else if c == 0xC3 && j + 1 < to {
                // Latin-1 letters: À-Þ lower-case by adding 0x20 to the second byte (not ×).
                var d = src[j + 1]
                letters += 1
                if d >= 0x80 && d <= 0x9E && d != 0x97 {
                    d += 0x20
                    upper += 1
                }
                out.put(c)
                out.put(d)
                hash = LexiconTable.hash(hash, c)
                hash = LexiconTable.hash(hash, d)
                j += 2
                prev = d
                run = 1
                continue
            } else if c == 0xE2 && j + 2 < to && src[j + 1] == 0x80 && src[j + 2] == 0x99 {
                c = 0x27
                j += 2
            } else if c >= 0x80 {
                letters += c >= 0xC0 ? 1 : 0
            }
            if c == prev && c >= 0x61 {
                run += 1
                if run == 3 { flags.insert(.elongated) }
            } else {
                run = 1
            }
            prev = c
            out.put(c)
            hash = LexiconTable.hash(hash, c)
            j += 1
        }
        finishToken(src, from: from, start: start, hash: hash, upper: upper, letters: letters, flags: flags, into: &out)
    }

    /// Scans a plain word starting at `from` and, in the same pass, lower-cases it into the
    /// output, hashes it and counts its letters; returns where the word ends. The boundary rules
    /// are those of the old two-pass scan (inner apostrophes and hyphens, curly apostrophes,
    /// non-emoji non-punctuation UTF-8), and the per-byte transform that of `appendToken`.
    private func appendWord(_ src: UnsafeBufferPointer<UInt8>, from: Int, into out: inout TokenBuilder) -> Int {
        var flags: TokenFlags = []
        let start = out.written
        let n = src.count
        var upper = 0
        var letters = 0
        var run = 1
        var prev: UInt8 = 0
        var hash = LexiconTable.hashSeed
        var j = from
        while j < n {
            var c = src[j]
            if c &- 0x61 < 26 {
                letters += 1
            } else if c &- 0x41 < 26 {
                upper += 1
                letters += 1
                c += 0x20
            } else if c &- 0x30 < 10 {
                flags.insert(.hasDigit)
            } else if c == 0x5F {
                // "_" is a word byte with no letter.
            } else if c == 0x27 || c == 0x2D {
                // Inner apostrophe or hyphen: "don't", "rip-off".
                guard j > from && j + 1 < n && isWordByte(src[j + 1]) else { break }
            } else if c < 0x80 {
                break
            } else if c == 0xE2 && j + 2 < n && src[j + 1] == 0x80 && src[j + 2] == 0x99 {
                // Curly apostrophe, kept as "'" (a leading one is taken too, as before).
                c = 0x27
                j += 2
            } else if isEmojiLead(src, j) || isPunctuationScalar(src, j) {
                break
            } else if c == 0xC3 && j + 1 < n && src[j + 1] >= 0x80 {
                // Latin-1 letters: À-Þ lower-case by adding 0x20 to the second byte (not ×).
                var d = src[j + 1]
                letters += 1
                if d <= 0x9E && d != 0x97 {
                    d += 0x20
                    upper += 1
                }
                out.put(c)
                out.put(d)
                hash = LexiconTable.hash(hash, c)
                hash = LexiconTable.hash(hash, d)
                j += 2
                prev = d
                run = 1
                continue
            } else {
                letters += c >= 0xC0 ? 1 : 0
            }
            if c == prev && c >= 0x61 {
                run += 1
                if run == 3 { flags.insert(.elongated) }
            } else {
                run = 1
            }
            prev = c
            out.put(c)
            hash = LexiconTable.hash(hash, c)
            j += 1
        }
        finishToken(src, from: from, start: start, hash: hash, upper: upper, letters: letters, flags: flags, into: &out)
        return j
    }

    /// Flags, lexicon look-up and append for a token whose bytes are already written.
    @inline(__always) private func finishToken(
        _ src: UnsafeBufferPointer<UInt8>, from: Int, start: Int, hash: UInt32, upper: Int, letters: Int,
        flags: TokenFlags, into out: inout TokenBuilder
    ) {
        var flags = flags
        let length = out.written - start
        guard length > 0 else { return }
        out.letters += letters
        out.upperLetters += upper
        if letters >= 2 && upper == letters { flags.insert(.allCaps) }
        if upper > 0 && src[from] >= 0x41 && src[from] <= 0x5A { flags.insert(.capitalised) }
        if letters > 0 { flags.insert(.word) }
        var token = Token(start: Int32(start), length: Int32(length), flags: flags)
        if !flags.contains(.mention) {
            let (term, collapsed) = lookup(
                &out, start: start, length: length, hash: hash, elongated: flags.contains(.elongated))
            token.term = Int32(term)
            if collapsed { token.flags.insert(.collapsed) }
        }
        out.tokens.append(token)
    }

    /// A hashtag is one token, or several when written in CamelCase ("#NeverAgain").
    private func appendHashtag(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout TokenBuilder)
    {
        var pieceStart = from
        var j = from + 1
        let first = out.tokens.count
        while j < to {
            let c = src[j]
            let p = src[j - 1]
            if c >= 0x41 && c <= 0x5A && p >= 0x61 && p <= 0x7A {
                appendToken(src, pieceStart, j, flags: .hashtag, into: &out)
                pieceStart = j
            }
            j += 1
        }
        appendToken(src, pieceStart, to, flags: .hashtag, into: &out)
        // Hashtags are written capitalised by convention: that is not shouting.
        for k in first..<out.tokens.count {
            out.tokens[k].flags.remove([.allCaps, .capitalised])
            if k > first { out.tokens[k].flags.insert(.continuation) }
        }
    }

    private func appendEmoji(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout TokenBuilder) {
        // Skin-tone modifiers, variation selectors and joiners decorate the emoji before them.
        if to - from == 4 && src[from + 1] == 0x9F && src[from + 2] == 0x8F && src[from + 3] >= 0xBB { return }
        let start = out.written
        for j in from..<to { out.put(src[j]) }
        var token = Token(start: Int32(start), length: Int32(to - from), flags: .emoji)
        let word = UnsafeBufferPointer(rebasing: out.buffer[start..<start + (to - from)])
        token.term = Int32(lexicon.find(word))
        out.tokens.append(token)
    }

    private func emitChunk(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout TokenBuilder)
        -> Bool
    {
        var buffer: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            var k = 0
            for j in from..<to {
                var c = src[j]
                if c >= 0x41 && c <= 0x5A { c += 0x20 }
                raw[k] = c
                k += 1
            }
            let key = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: k)
            let found = lexicon.find(key)
            guard found >= 0, lexicon.infos[found].flags.contains(.sentiment) else { return false }
            let start = out.written
            for b in key { out.put(b) }
            out.tokens.append(Token(start: Int32(start), length: Int32(k), term: Int32(found), flags: .emoticon))
            return true
        }
    }

    private func markBoundary(_ out: inout TokenBuilder, clause: Bool, sentence: Bool) {
        guard let last = out.tokens.indices.last else { return }
        if clause { out.tokens[last].flags.insert(.clauseEnd) }
        if sentence { out.tokens[last].flags.insert(.sentenceEnd) }
    }

    // MARK: - Lexicon look-up

    /// The token's entry, and whether it was found only by collapsing an elongation.
    /// A direct hit may be any entry; a collapsed one must be a sentiment entry.
    private func lookup(_ out: inout TokenBuilder, start: Int, length: Int, hash: UInt32, elongated: Bool) -> (
        term: Int, collapsed: Bool
    ) {
        do {
            let word = UnsafeBufferPointer(rebasing: out.buffer[start..<start + length])
            let found = lexicon.find(word, hash: hash)
            // No plain-word list has a run of three equal letters, so an elongated word that
            // is found directly is a sentiment entry as before.
            if found >= 0 || !elongated { return (found, false) }
            // "goood" -> "good", then "sooo" -> "so": runs of 3+ collapse to 2, then to 1.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { tmp in
                var keep = 2
                while keep >= 1 {
                    let k = collapse(word, keepingRunsOf: keep, into: tmp)
                    let hit = lexicon.find(UnsafeBufferPointer(rebasing: tmp[0..<k]))
                    if hit >= 0 && lexicon.infos[hit].flags.contains(.sentiment) { return (hit, true) }
                    keep -= 1
                }
                return (-1, false)
            }
        }
    }

    /// Copies `word` into `tmp` with every run of 3+ equal bytes cut to `keep`; returns the length.
    private func collapse(
        _ word: UnsafeBufferPointer<UInt8>, keepingRunsOf keep: Int, into tmp: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var k = 0
        var j = 0
        let n = word.count
        while j < n {
            let c = word[j]
            var end = j + 1
            while end < n && word[end] == c { end += 1 }
            let run = end - j
            let copies = run >= 3 ? keep : run
            for _ in 0..<copies {
                tmp[k] = c
                k += 1
            }
            j = end
        }
        return k
    }

    // MARK: - Byte classes

    @inline(__always) private func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    private func chunkEnd(_ src: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var j = from
        while j < src.count, src[j] != 0x20, src[j] != 0x0A, src[j] != 0x09, src[j] != 0x0D { j += 1 }
        return j
    }

    private func isURL(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        func has(_ s: StaticString) -> Bool {
            let len = s.utf8CodeUnitCount
            guard to - from >= len else { return false }
            for k in 0..<len where src[from + k] | 0x20 != s.utf8Start[k] | 0x20 { return false }
            return true
        }
        return has("http://") || has("https://") || has("www.")
    }

    @inline(__always) private func scalarLength(_ b: UInt8) -> Int {
        b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    }

    /// Emoji and pictographs: U+1F000… (4-byte F0 9F), U+2600–U+27BF, U+2B00–U+2BFF.
    private func isEmojiLead(_ src: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = src[i]
        if b == 0xF0 { return i + 1 < src.count && src[i + 1] == 0x9F }
        if b == 0xE2, i + 1 < src.count {
            let c = src[i + 1]
            return c == 0x98 || c == 0x99 || c == 0x9A || c == 0x9B || c == 0x9C || c == 0x9D || c == 0x9E
                || c == 0xAD || c == 0xAC
        }
        return false
    }

    /// U+FE0F (variation selector) and U+200D (zero-width joiner) only decorate emoji.
    private func isInvisible(_ src: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 2 < src.count else { return false }
        return (src[i] == 0xEF && src[i + 1] == 0xB8 && src[i + 2] == 0x8F)
            || (src[i] == 0xE2 && src[i + 1] == 0x80 && src[i + 2] == 0x8D)
    }

    /// General punctuation (U+2000–U+206F: dashes, quotes, "…", zero-width joiner) and
    /// Latin-1 punctuation (¡ ¿ « » ·).
    private func isPunctuationScalar(_ src: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = src[i]
        if b == 0xE2, i + 2 < src.count, src[i + 1] == 0x80 { return !(src[i + 2] == 0x99) }
        if b == 0xC2, i + 1 < src.count { return src[i + 1] < 0xC0 }
        return false
    }
}

/// The tokenizer's working state: the output byte buffer (allocated once, written through its
/// pointer) and the tokens and counts that become a `TokenizedText`.
struct TokenBuilder {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var written = 0
    var tokens: [Token] = []
    var exclamations = 0
    var questions = 0
    var urls = 0
    var mentions = 0
    var hashtags = 0
    var upperLetters = 0
    var letters = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    @inline(__always) mutating func put(_ b: UInt8) {
        buffer[written] = b
        written += 1
    }

    func finish(into text: inout TokenizedText) {
        text.tokens = tokens
        text.exclamations = exclamations
        text.questions = questions
        text.urls = urls
        text.mentions = mentions
        text.hashtags = hashtags
        text.upperLetters = upperLetters
        text.letters = letters
    }
}
