/// Splits social text into tokens in one pass over its UTF-8 bytes.
///
/// URLs are dropped, @mentions and #hashtags are kept and flagged (a hashtag's word still
/// carries sentiment: "#fail"), emoji become tokens of their own even when glued to a word,
/// and every word is lower-cased into one shared buffer and looked up in the lexicon without
/// allocating. Elongated words ("sooo") are looked up again with their runs collapsed.
struct SocialTokenizer: Sendable {
    let lexicon: LexiconTable

    /// Tokenizes `text` and runs `body` on the result. The bytes and tokens live in scratch
    /// memory (on the stack for posts up to ~1 KB and 64 tokens) that is gone when `body`
    /// returns, so tokenizing allocates nothing on the heap for ordinary posts.
    func withTokens<R>(_ text: String, _ body: (TokenizedText) -> R) -> R {
        // Native Strings lend their bytes in place (`withUTF8` needs a mutable copy of the String,
        // i.e. a retain and a release); others (bridged) are copied once.
        if let result = text.utf8.withContiguousStorageIfAvailable({ withTokens(bytes: $0, body) }) {
            return result
        }
        var text = text
        return text.withUTF8 { withTokens(bytes: $0, body) }
    }

    func withTokens<R>(bytes src: UnsafeBufferPointer<UInt8>, _ body: (TokenizedText) -> R) -> R {
        // One scratch area holds a copy of the input followed by 16 zero bytes (so the scanner
        // may read 8 and 16 bytes at a time anywhere) and the lower-cased output, which is never
        // longer than the input (URLs, "@", "#" and curly apostrophes shrink) and also keeps 16
        // spare bytes for the lexicon's 16-byte key loads.
        let n = src.count
        let need = 2 * (n + 16)
        return withUnsafeTemporaryAllocation(of: Token.self, capacity: TokenBuilder.stackTokens) { tokens in
            if need <= 1024 {
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { scratch in
                    run(src, scratch.baseAddress!, tokens.baseAddress!, body)
                }
            }
            let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: need)
            defer { scratch.deallocate() }
            return run(src, scratch, tokens.baseAddress!, body)
        }
    }

    @inline(__always) private func run<R>(
        _ src: UnsafeBufferPointer<UInt8>, _ scratch: UnsafeMutablePointer<UInt8>,
        _ tokens: UnsafeMutablePointer<Token>, _ body: (TokenizedText) -> R
    ) -> R {
        let n = src.count
        if let base = src.baseAddress { Self.copy(base, to: scratch, count: n) }
        UnsafeMutableRawPointer(scratch + n).storeBytes(of: (UInt64(0), UInt64(0)), as: (UInt64, UInt64).self)
        let bytes = scratch + n + 16
        var out = TokenBuilder(buffer: bytes, tokens: tokens)
        scan(UnsafeBufferPointer(start: scratch, count: n), into: &out)
        let text = TokenizedText(
            bytes: UnsafeBufferPointer(start: bytes, count: out.written),
            tokens: UnsafeBufferPointer(start: out.tokens, count: out.count), exclamations: out.exclamations,
            questions: out.questions, urls: out.urls, mentions: out.mentions, hashtags: out.hashtags,
            upperLetters: out.upperLetters, letters: out.letters)
        let result = body(text)
        out.release()
        return result
    }

    /// Copies `count` bytes (a post: usually under 200) 16 at a time, the last 16 (or 8) read
    /// and written again overlapping the ones before, instead of calling `memmove` (whose call
    /// and size dispatch cost more than the copy of a short post). Reads only the source's bytes.
    @inline(__always) static func copy(_ from: UnsafePointer<UInt8>, to: UnsafeMutablePointer<UInt8>, count n: Int) {
        let source = UnsafeRawPointer(from)
        let target = UnsafeMutableRawPointer(to)
        if n >= 16 {
            var k = 0
            while k &+ 16 <= n {
                target.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self), toByteOffset: k,
                    as: SIMD16<UInt8>.self)
                k &+= 16
            }
            if k < n {
                target.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self), toByteOffset: n &- 16,
                    as: SIMD16<UInt8>.self)
            }
        } else if n >= 8 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
        } else {
            var k = 0
            while k < n {
                to[k] = from[k]
                k &+= 1
            }
        }
    }

    private func scan(_ src: UnsafeBufferPointer<UInt8>, into out: inout TokenBuilder) {
        var i = 0
        let n = src.count
        var atChunkStart = true
        let classes = lexicon.scanClasses
        while i < n {
            let b = src[i]
            let k = classes[Int(b)]
            if k == 2 {  // whitespace
                atChunkStart = true
                i += 1
                continue
            }
            if k == 1 {  // an ASCII word byte: a URL, or a word
                if atChunkStart {
                    atChunkStart = false
                    // URL prefixes contain no whitespace, so testing them against the whole
                    // input is the same as testing them against the chunk.
                    let lower = b | 0x20
                    if (lower == 0x68 || lower == 0x77) && isURL(src, i, n) {
                        out.urls += 1
                        i = chunkEnd(src, from: i)
                        continue
                    }
                }
            } else {
                // Everything else (punctuation, mentions, hashtags, emoji) is handled out of
                // line; it hands back the words that start with a non-ASCII letter.
                let next = scanOther(src, i, &atChunkStart, into: &out)
                if next >= 0 {
                    i = next
                    continue
                }
            }
            // One call site, so the word scanner is inlined into this loop.
            i = appendWord(src, from: i, into: &out)
        }
    }

    /// A byte that is neither whitespace nor an ASCII word byte; returns where scanning goes
    /// on, or -1 when a word (starting with a non-ASCII letter) starts here.
    @inline(never)
    private func scanOther(
        _ src: UnsafeBufferPointer<UInt8>, _ i: Int, _ atChunkStart: inout Bool, into out: inout TokenBuilder
    ) -> Int {
        let n = src.count
        let b = src[i]
        if atChunkStart {
            atChunkStart = false
            if b < 0x80 && b != 0x40 {
                // Emoticons, "/s", "#sarcasm": the whole chunk may be a lexicon entry. The chunk's
                // end is found only when it is needed.
                let end = chunkEnd(src, from: i)
                if end - i <= 12 && emitChunk(src, i, end, into: &out) { return end }
            }
        }
        if b == 0x40 {  // @mention: scanned and written in one pass
            return appendMention(src, from: i + 1, into: &out)
        }
        if b == 0x23 {  // #hashtag
            var j = i + 1
            while j < n, isWordByte(src[j]) || src[j] >= 0x80 && !isEmojiLead(src, j) { j += 1 }
            if j > i + 1 {
                out.hashtags += 1
                appendHashtag(src, i + 1, j, into: &out)
            }
            return max(j, i + 1)
        }
        if b >= 0x80 {
            if !isEmojiLead(src, i) && !isPunctuationScalar(src, i) { return -1 }
            let len = scalarLength(b)
            if isInvisible(src, i) { return i + len }
            if isEmojiLead(src, i) {
                appendEmoji(src, i, min(n, i + len), into: &out)
            } else {
                markBoundary(&out, clause: true, sentence: src[i] == 0xE2 && i + 2 < n && src[i + 2] == 0xA6)
            }
            return i + len
        }
        switch b {
        case 0x21:  // !
            out.exclamations += 1
            markBoundary(&out, clause: true, sentence: true)
        case 0x3F:  // ?
            out.questions += 1
            if out.count > 0 { out.tokens[out.count - 1].flags.insert(.question) }
            markBoundary(&out, clause: true, sentence: true)
        case 0x2E:  // .
            markBoundary(&out, clause: true, sentence: true)
        case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x2D, 0x22:  // , ; : ( ) - "
            markBoundary(&out, clause: true, sentence: false)
        default:
            break
        }
        return i + 1
    }

    // MARK: - Emitting tokens

    /// Hashtag pieces (rare next to plain words): lower-cased byte by byte. The first 16 output
    /// bytes are also gathered into two words for the look-up (reading back bytes just stored one
    /// at a time stalls until the stores complete).
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
        var words: (UInt64, UInt64) = (0, 0)
        // ASCII digits written: a piece that is all digits ("#4821") and none of the lexicon's
        // few all-digit keys is not looked up (its slot would be a cache miss, and a miss anyway).
        var digits = 0
        @inline(__always) func put(_ c: UInt8) {
            let k = out.written &- start
            if k < 8 {
                words.0 |= UInt64(c) &<< UInt64(k &* 8)
            } else if k < 16 {
                words.1 |= UInt64(c) &<< UInt64((k &- 8) &* 8)
            }
            out.put(c)
        }
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
                digits &+= 1
            } else if c == 0xC3 && j + 1 < to {
                // Latin-1 letters: À-Þ lower-case by adding 0x20 to the second byte (not ×).
                var d = src[j + 1]
                letters += 1
                if d >= 0x80 && d <= 0x9E && d != 0x97 {
                    d += 0x20
                    upper += 1
                }
                put(c)
                put(d)
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
            put(c)
            j += 1
        }
        // Hashtag pieces are language evidence: let the detector read all their letters.
        if flags.contains(.hashtag) { flags.insert(.letterCues) }
        let length = out.written &- start
        let known = digits != length || length > 8 || lexicon.mayBeDigitKey(words.0)
        finishToken(
            src, from: from, start: start, upper: upper, letters: letters, flags: flags, lazyElongation: false,
            words: words, lookUp: known, into: &out)
    }

    /// Scans a plain word starting at `from` and, in the same pass, lower-cases it into the
    /// output and counts its letters; returns where the word ends. The boundary rules are
    /// inner apostrophes and hyphens, curly apostrophes, and non-emoji non-punctuation UTF-8.
    ///
    /// ASCII letters go 8 at a time: one load, a few word-wide operations find how many of the
    /// 8 bytes are letters and how many of those are upper case, and one store writes them
    /// lower-cased (the input copy is followed by zero bytes, so the load never leaves it).
    /// Every other byte takes the general branches.
    @inline(__always)
    private func appendWord(_ src: UnsafeBufferPointer<UInt8>, from: Int, into out: inout TokenBuilder) -> Int {
        var flags: TokenFlags = []
        let start = out.written
        let n = src.count
        let s = src.baseAddress!
        let o = out.buffer
        var w = start
        var upper = 0
        // Output bytes that are not letters (digits, "_", "'", "-", continuation bytes, the
        // second byte of a Latin-1 letter): letters = bytes written - nonLetters.
        var nonLetters = 0
        var j = from
        while true {
            let u = UnsafeRawPointer(s + j).loadUnaligned(as: UInt64.self)
            let lowered = u | 0x2020_2020_2020_2020
            let v = lowered & 0x7F7F_7F7F_7F7F_7F7F
            // High bit of each byte: ≥ "a", not > "z", and ASCII.
            let letters = (v &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(v &+ 0x0505_0505_0505_0505) & ~u & 0x8080_8080_8080_8080
            let stop = ~letters & 0x8080_8080_8080_8080
            UnsafeMutableRawPointer(o + w).storeBytes(of: lowered, as: UInt64.self)
            // Letters whose 0x20 bit was clear are upper case (most words have none or one, so
            // the bit count, a library call on baseline x86-64, is rarely needed).
            if stop == 0 {
                let capitals = letters & ~(u &<< 2)
                if capitals != 0 { upper &+= capitals & (capitals &- 1) == 0 ? 1 : capitals.nonzeroBitCount }
                w &+= 8
                j &+= 8
                continue
            }
            let count = stop.trailingZeroBitCount &>> 3
            // Only the first `count` bytes are the word's.
            let capitals = letters & ~(u &<< 2) & (stop &- 1)
            if capitals != 0 { upper &+= capitals & (capitals &- 1) == 0 ? 1 : capitals.nonzeroBitCount }
            w &+= count
            j &+= count
            // The byte at j is not an ASCII letter (the zero padding ends the word too).
            let c = s[j]
            if c &- 0x30 < 10 {
                flags.insert(.hasDigit)
                nonLetters += 1
                o[w] = c
            } else if c == 0x5F {
                // "_" is a word byte with no letter.
                nonLetters += 1
                o[w] = c
            } else if c == 0x27 || c == 0x2D {
                // Inner apostrophe or hyphen: "don't", "rip-off".
                guard j > from && j + 1 < n && isWordByte(s[j + 1]) else { break }
                nonLetters += 1
                o[w] = c
            } else if c < 0x80 || j >= n {
                break
            } else if c == 0xE2 && j + 2 < n && s[j + 1] == 0x80 && s[j + 2] == 0x99 {
                // Curly apostrophe, kept as "'" (a leading one is taken too).
                nonLetters += 1
                o[w] = 0x27
                j += 2
            } else if isEmojiLead(src, j) || isPunctuationScalar(src, j) {
                break
            } else if c == 0xC3 && j + 1 < n && s[j + 1] >= 0x80 {
                // Latin-1 letters: À-Þ lower-case by adding 0x20 to the second byte (not ×).
                var d = s[j + 1]
                if d <= 0x9E && d != 0x97 {
                    d += 0x20
                    upper += 1
                }
                o[w] = c
                o[w + 1] = d
                w += 2
                j += 2
                nonLetters += 1
                continue
            } else {
                // Other UTF-8: a lead byte counts as a letter, a continuation byte does not.
                if c < 0xC0 { nonLetters += 1 }
                o[w] = c
            }
            w += 1
            j += 1
        }
        out.written = w
        finishToken(
            src, from: from, start: start, upper: upper, letters: w - start - nonLetters, flags: flags,
            lazyElongation: true, words: LexiconTable.words(o + start, w - start), lookUp: true, into: &out)
        return j
    }

    /// Flags, lexicon look-up and append for a token whose bytes are already written.
    ///
    /// A token found as it is takes its entry's precomputed flags (`roles(ofKey:_:)`: run,
    /// sentiment/intent cue, stopword, topic word, ending). With `lazyElongation` an unknown
    /// word's runs ("sooo") are checked here, only to retry it with its runs collapsed.
    @inline(__always) private func finishToken(
        _ src: UnsafeBufferPointer<UInt8>, from: Int, start: Int, upper: Int, letters: Int,
        flags: TokenFlags, lazyElongation: Bool, words: (UInt64, UInt64), lookUp: Bool, into out: inout TokenBuilder
    ) {
        var flags = flags
        let length = out.written &- start
        guard length > 0 else { return }
        out.letters &+= letters
        out.upperLetters &+= upper
        if letters > 0 {
            flags.insert(.word)
            if upper > 0 {
                if letters >= 2 && upper == letters { flags.insert(.allCaps) }
                if src[from] &- 0x41 < 26 { flags.insert(.capitalised) }
            }
        }
        // Posts are far below 2 GB: the offsets fit Int32.
        var token = Token(
            start: Int32(truncatingIfNeeded: start), length: Int32(truncatingIfNeeded: length), flags: flags)
        let word = UnsafePointer(out.buffer + start)
        // `lookUp` false: the caller knows the bytes are no key.
        let (found, entryRoles) = lookUp ? lexicon.lookup(words: words.0, words.1, word, length) : (-1, [])
        if found >= 0 {
            token.term = Int32(truncatingIfNeeded: found)
            var roles = entryRoles
            if !flags.contains(.word) { roles.formIntersection([.elongated, .sentimentCue, .intentCue]) }
            if flags.contains(.hashtag) { roles.remove(.topicWord) }
            token.flags.formUnion(roles)
        } else {
            unknownWord(&token, word, length, lazyElongation: lazyElongation)
        }
        out.append(token)
    }

    /// A token without an entry: retried with its runs collapsed when elongated; a topic word
    /// when long enough; language endings read from its bytes.
    private func unknownWord(_ token: inout Token, _ word: UnsafePointer<UInt8>, _ length: Int, lazyElongation: Bool) {
        let flags = token.flags
        let (run, letterCue) = Self.runAndLetterCue(word, length)
        if letterCue && flags.contains(.word) { token.flags.insert(.letterCues) }
        if lazyElongation ? run : flags.contains(.elongated) {
            token.flags.insert(.elongated)
            let (term, collapsed) = collapsedLookup(word, length)
            token.term = Int32(term)
            if collapsed { token.flags.insert(.collapsed) }
        }
        if token.term >= 0 {
            token.flags.formUnion(Self.roles(of: token, lexicon.infos[Int(token.term)]))
        } else if !flags.contains(.hashtag) && flags.contains(.word) && (length >= 3 || flags.contains(.hasDigit)) {
            // No entry: a content word when long enough (`TopicExtractor.isContent`).
            token.flags.insert(.topicWord)
        }
        if flags.contains(.word) && LanguageDetector.hasEndingCue(UnsafeBufferPointer(start: word, count: length)) {
            token.flags.insert(.ending)
        }
    }

    /// Whether `word` has a run of three equal bytes ≥ "a" ("sooo") and whether it has a language
    /// letter cue (a Latin-1 lead byte 0xC3, or "ij"), 8 bytes at a time: windows of 8 bytes
    /// every 6 bytes, so every run of three and every pair lies inside one window. `word` must
    /// have 8 readable bytes past its end (the output buffer keeps 16); they are masked off.
    /// `runAndLetterCueByBytes` is the byte-by-byte definition (the tests compare the two).
    @inline(__always) static func runAndLetterCue(_ word: UnsafePointer<UInt8>, _ length: Int) -> (Bool, Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // High bit of each byte of `d` that is zero.
        @inline(__always) func zeros(_ d: UInt64) -> UInt64 { ~(((d & low7) &+ low7) | d) & high }
        var runs: UInt64 = 0
        var cues: UInt64 = 0
        var k = 0
        while k < length {
            let x = UnsafeRawPointer(word + k).loadUnaligned(as: UInt64.self)
            let y = x &>> 8
            let z = x &>> 16
            // The high bits of the window's positions inside the word (1 ≤ rest); shifted down by
            // one byte they mark where a pair fits (positions 0…6), by two where a run of three
            // does (0…5; runs starting at 6 or 7 are in the next window).
            let rest = length &- k
            let inside = rest >= 8 ? high : high & ((1 &<< UInt64(truncatingIfNeeded: rest &* 8)) &- 1)
            let atLeastA = (((x & low7) &+ 0x1F1F_1F1F_1F1F_1F1F) | x) & high
            runs |= zeros(x ^ y) & zeros(x ^ z) & atLeastA & (inside &>> 16)
            // 0xC3 anywhere; "ij".
            cues |= zeros(x ^ (ones &* 0xC3)) & inside
            cues |= zeros(x ^ (ones &* 0x69)) & zeros(y ^ (ones &* 0x6A)) & (inside &>> 8)
            k &+= 6
        }
        return (runs != 0, cues != 0)
    }

    /// `runAndLetterCue`, byte by byte.
    static func runAndLetterCueByBytes(_ word: UnsafePointer<UInt8>, _ length: Int) -> (Bool, Bool) {
        var run = false
        var letterCue = false
        var k = 0
        var prev: UInt8 = 0
        var prev2: UInt8 = 0
        while k < length {
            let c = word[k]
            if c == prev && c >= 0x61 && c == prev2 { run = true }
            if (c == 0x6A && prev == 0x69) || c == 0xC3 { letterCue = true }
            prev2 = prev
            prev = c
            k &+= 1
        }
        return (run, letterCue)
    }

    /// Whether language detection must read the word's letters: a Latin-1 letter or "ij".
    static func hasLetterCue(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < word.count {
            let c = word[k]
            if c == 0xC3 || (c == 0x69 && k + 1 < word.count && word[k + 1] == 0x6A) { return true }
            k += 1
        }
        return false
    }

    /// The steps a token with an entry matters to (see the role flags of `TokenFlags`).
    static func roles(of token: Token, _ info: TermInfo) -> TokenFlags {
        var roles: TokenFlags = []
        let flags = token.flags
        if info.valence != 0 || !info.flags.isDisjoint(with: [.startsPhrase, .sarcasm, .contrast, .weakContrast]) {
            roles.insert(.sentimentCue)
        }
        if !flags.contains(.collapsed) && !flags.contains(.mention) {
            if info.intent >= 0 || info.flags.contains(.startsIntentPhrase) { roles.insert(.intentCue) }
            if info.languages != 0 && flags.contains(.word) { roles.insert(.stopword) }
        }
        if !flags.contains(.hashtag) && TopicExtractor.isContent(token, info) { roles.insert(.topicWord) }
        return roles
    }

    /// The flags of a plain-word token that is exactly `key` (computed once per entry when the
    /// table is built; the tokenizer masks them for hashtags, emoji and letterless tokens):
    /// `roles(of:_:)`, plus `.elongated` for a run and `.ending` for a language ending.
    static func roles(ofKey key: UnsafeBufferPointer<UInt8>, _ info: TermInfo) -> TokenFlags {
        var flags: TokenFlags = [.word]
        if key.contains(where: { $0 &- 0x30 < 10 }) { flags.insert(.hasDigit) }
        var roles = roles(of: Token(start: 0, length: Int32(key.count), flags: flags), info)
        if hasRun(key) { roles.insert(.elongated) }
        if LanguageDetector.hasEndingCue(key) { roles.insert(.ending) }
        if hasLetterCue(key) { roles.insert(.letterCues) }
        return roles
    }

    /// Whether the word has a run of three equal bytes ≥ "a" ("sooo"; digits and "!" do not count).
    static func hasRun(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 2
        while k < word.count {
            let c = word[k]
            if c >= 0x61 && c == word[k - 1] && c == word[k - 2] { return true }
            k += 1
        }
        return false
    }

    /// A mention from `from` (just after "@"): its span is word bytes and non-emoji UTF-8; it
    /// is lower-cased and counted (its letters count towards shouting) but never looked up, so
    /// only its bytes matter (a phrase may end in one: "no @signal"). Returns where it ends (at
    /// least `from`, past a lone "@"). ASCII letters go 8 at a time, as in `appendWord`.
    private func appendMention(_ src: UnsafeBufferPointer<UInt8>, from: Int, into out: inout TokenBuilder) -> Int {
        let s = src.baseAddress!
        let o = out.buffer
        let start = out.written
        var w = start
        var upper = 0
        var nonLetters = 0
        var flags: TokenFlags = .mention
        var j = from
        while true {
            let u = UnsafeRawPointer(s + j).loadUnaligned(as: UInt64.self)
            let lowered = u | 0x2020_2020_2020_2020
            let v = lowered & 0x7F7F_7F7F_7F7F_7F7F
            let letters = (v &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(v &+ 0x0505_0505_0505_0505) & ~u & 0x8080_8080_8080_8080
            let stop = ~letters & 0x8080_8080_8080_8080
            UnsafeMutableRawPointer(o + w).storeBytes(of: lowered, as: UInt64.self)
            let count = stop == 0 ? 8 : stop.trailingZeroBitCount &>> 3
            let capitals = letters & ~(u &<< 2) & (stop == 0 ? ~0 : stop &- 1)
            if capitals != 0 { upper &+= capitals.nonzeroBitCount }
            w &+= count
            j &+= count
            if count == 8 { continue }
            // The input is valid UTF-8, so a lead byte's continuation bytes are in the span too.
            let c = s[j]
            if c &- 0x30 < 10 {
                flags.insert(.hasDigit)
                nonLetters += 1
                o[w] = c
            } else if c == 0x5F {
                nonLetters += 1
                o[w] = c
            } else if c < 0x80 || isEmojiLead(src, j) {
                break
            } else if c == 0xC3 {
                // Latin-1 letters: À-Þ lower-case by adding 0x20 to the second byte (not ×).
                var d = s[j + 1]
                if d >= 0x80 && d <= 0x9E && d != 0x97 {
                    d += 0x20
                    upper += 1
                }
                o[w] = c
                o[w + 1] = d
                w += 2
                j += 2
                nonLetters += 1
                continue
            } else if c == 0xE2 && s[j + 1] == 0x80 && s[j + 2] == 0x99 {
                // Curly apostrophe, kept as "'".
                nonLetters += 1
                o[w] = 0x27
                j += 2
            } else {
                // Other UTF-8: a lead byte counts as a letter, a continuation byte does not.
                if c < 0xC0 { nonLetters += 1 }
                o[w] = c
            }
            w += 1
            j += 1
        }
        let length = w - start
        guard length > 0 else { return from }
        out.written = w
        out.mentions += 1
        let letters = length - nonLetters
        out.letters += letters
        out.upperLetters += upper
        if letters > 0 {
            flags.insert(.word)
            if letters >= 2 && upper == letters { flags.insert(.allCaps) }
            if upper > 0 && s[from] &- 0x41 < 26 { flags.insert(.capitalised) }
        }
        out.append(Token(start: Int32(start), length: Int32(length), flags: flags))
        return j
    }

    /// A hashtag is one token, or several when written in CamelCase ("#NeverAgain").
    private func appendHashtag(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout TokenBuilder)
    {
        var pieceStart = from
        var j = from + 1
        let first = out.count
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
        for k in first..<out.count {
            out.tokens[k].flags.remove([.allCaps, .capitalised])
            if k > first { out.tokens[k].flags.insert(.continuation) }
        }
    }

    private func appendEmoji(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout TokenBuilder) {
        // Skin-tone modifiers, variation selectors and joiners decorate the emoji before them.
        if to - from == 4 && src[from + 1] == 0x9F && src[from + 2] == 0x8F && src[from + 3] >= 0xBB { return }
        // At most 4 bytes: one word, loaded from the input (zero padded) and stored whole.
        let length = to - from
        let start = out.written
        let w0 = Self.prefix(src, from, length)
        UnsafeMutableRawPointer(out.buffer + start).storeBytes(of: w0, as: UInt64.self)
        out.written += length
        var token = Token(start: Int32(start), length: Int32(length), flags: .emoji)
        let (found, roles) = lexicon.lookup(words: w0, 0, UnsafePointer(out.buffer + start), length)
        token.term = Int32(found)
        if found >= 0 { token.flags.formUnion(roles.intersection([.sentimentCue, .intentCue])) }
        out.append(token)
    }

    /// The `length` (≤ 8) bytes of the input at `from` as a zero-padded little-endian word (the
    /// input copy has 16 zero bytes after it, so the load stays inside it).
    @inline(__always) private static func prefix(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ length: Int)
        -> UInt64
    {
        let u = UnsafeRawPointer(src.baseAddress! + from).loadUnaligned(as: UInt64.self)
        return length >= 8 ? u : u & ((1 &<< UInt64(length &* 8)) &- 1)
    }

    /// `u` with its ASCII upper-case letters lower-cased (other bytes unchanged).
    @inline(__always) private static func lowercasedASCII(_ u: UInt64) -> UInt64 {
        let v = u & 0x7F7F_7F7F_7F7F_7F7F
        // High bit of each byte: ≥ "A", not > "Z", and ASCII (no carry crosses a byte: v ≤ 0x7F).
        let upper = (v &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(v &+ 0x2525_2525_2525_2525) & ~u & 0x8080_8080_8080_8080
        return u | (upper &>> 2)
    }

    /// A whitespace-delimited chunk of at most 12 bytes that is a sentiment entry (emoticons,
    /// "/s", "#sarcasm") becomes one token; false when it is none.
    private func emitChunk(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout TokenBuilder)
        -> Bool
    {
        let k = to - from
        // Only chunks whose first byte and length match some sentiment entry are looked up.
        guard lexicon.chunkLengths[Int(src[from] & 0x7F)] &>> UInt16(k) & 1 != 0 else { return false }
        // Lower-cased in registers: the words are the look-up key and what is written.
        let w0 = Self.lowercasedASCII(Self.prefix(src, from, min(k, 8)))
        let w1 = k > 8 ? Self.lowercasedASCII(Self.prefix(src, from + 8, k - 8)) : 0
        let start = out.written
        let key = UnsafeMutableRawPointer(out.buffer + start)
        let (found, roles) = lexicon.lookup(words: w0, w1, UnsafePointer(out.buffer + start), k)
        guard found >= 0, lexicon.infos[found].flags.contains(.sentiment) else { return false }
        key.storeBytes(of: w0, as: UInt64.self)
        key.storeBytes(of: w1, toByteOffset: 8, as: UInt64.self)
        out.written += k
        var token = Token(start: Int32(start), length: Int32(k), term: Int32(found), flags: .emoticon)
        token.flags.formUnion(roles.intersection([.sentimentCue, .intentCue]))
        out.append(token)
        return true
    }

    @inline(__always) private func markBoundary(_ out: inout TokenBuilder, clause: Bool, sentence: Bool) {
        guard out.count > 0 else { return }
        if clause { out.tokens[out.count - 1].flags.insert(.clauseEnd) }
        if sentence { out.tokens[out.count - 1].flags.insert(.sentenceEnd) }
    }

    // MARK: - Lexicon look-up

    /// An elongated word that is not in the lexicon: "goood" -> "good", then "sooo" -> "so"
    /// (runs of 3+ collapse to 2, then to 1); the hit must be a sentiment entry.
    private func collapsedLookup(_ word: UnsafePointer<UInt8>, _ length: Int) -> (term: Int, collapsed: Bool) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length + 16) { tmp in
            var keep = 2
            while keep >= 1 {
                let k = collapse(word, length, keepingRunsOf: keep, into: tmp)
                let hit = lexicon.find(UnsafePointer(tmp.baseAddress!), k)
                if hit >= 0 && lexicon.infos[hit].flags.contains(.sentiment) { return (hit, true) }
                keep -= 1
            }
            return (-1, false)
        }
    }

    /// Copies `word` into `tmp` with every run of 3+ equal bytes cut to `keep`; returns the length.
    private func collapse(
        _ word: UnsafePointer<UInt8>, _ n: Int, keepingRunsOf keep: Int, into tmp: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var k = 0
        var j = 0
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

    /// "http://", "https://" or "www." at `from`, compared case-insensitively (both sides | 0x20).
    private func isURL(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        // One 8-byte load answers all three prefixes (little-endian: first byte lowest). Past
        // the input it reads the zero padding, which (| 0x20 = space) matches no prefix byte.
        let u = UnsafeRawPointer(src.baseAddress! + from).loadUnaligned(as: UInt64.self) | 0x2020_2020_2020_2020
        return u & 0x00FF_FFFF_FFFF_FFFF == 0x002F_2F3A_7074_7468  // "http://"
            || u == 0x2F2F_3A73_7074_7468  // "https://"
            || u & 0xFFFF_FFFF == 0x2E77_7777  // "www."
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

/// The tokenizer's working state: the output byte buffer and the token buffer (scratch memory,
/// written through their pointers; the tokens move to the heap only past `stackTokens`).
struct TokenBuilder {
    static let stackTokens = 64
    let buffer: UnsafeMutablePointer<UInt8>
    var written = 0
    var tokens: UnsafeMutablePointer<Token>
    var count = 0
    var capacity = TokenBuilder.stackTokens
    var onHeap = false
    var exclamations = 0
    var questions = 0
    var urls = 0
    var mentions = 0
    var hashtags = 0
    var upperLetters = 0
    var letters = 0

    init(buffer: UnsafeMutablePointer<UInt8>, tokens: UnsafeMutablePointer<Token>) {
        self.buffer = buffer
        self.tokens = tokens
    }

    @inline(__always) mutating func put(_ b: UInt8) {
        buffer[written] = b
        written += 1
    }

    @inline(__always) mutating func append(_ token: Token) {
        if count == capacity { grow() }
        tokens[count] = token
        count &+= 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        bigger.initialize(from: tokens, count: count)
        if onHeap { tokens.deallocate() }
        tokens = bigger
        capacity *= 2
        onHeap = true
    }

    mutating func release() {
        if onHeap { tokens.deallocate() }
        onHeap = false
    }
}
