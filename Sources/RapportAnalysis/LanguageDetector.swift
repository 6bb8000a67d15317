/// Detects en, es, fr, de, pt, it, nl (else "und") from short social texts.
///
/// Each word that is a stopword in some languages adds 1 / (number of such languages) to
/// each of them; letters and endings specific to one language (ñ, ã, ß, "-ção", "-lijk")
/// add character-level evidence, which is what decides two- or three-word posts.
/// The winner needs at least 1.0 points and a 0.5 lead, otherwise the post is "und".
public struct LanguageDetector: Sendable {
    public static let supported = ["en", "es", "fr", "de", "pt", "it", "nl"]
    let words: LexiconTable

    public init() { words = SentimentLexicon.standard }

    public func detect(_ text: String) -> String {
        SocialTokenizer(lexicon: SentimentLexicon.standard).withTokens(text) { detect($0) }
    }

    /// For language bit mask `mask`, the vote each of its languages gets (1 / number of
    /// languages), as one vector: adding it is the same as adding the share to each language in
    /// turn. `LexiconTable.languageShares` holds all 128.
    static func shares(_ mask: Int) -> SIMD8<Float> {
        var v = SIMD8<Float>()
        let share = 1 / Float(mask.nonzeroBitCount)
        for l in 0..<7 where mask & (1 << l) != 0 { v[l] = share }
        return v
    }

    func detect(_ text: TokenizedText) -> String { Self.code(detectIndex(text)) }

    /// The detected language as its index in `supported`, or 7 for "und" (a trivial value: the
    /// analyser makes the String once it is out of the tokenizer's scope).
    func detectIndex(_ text: TokenizedText) -> Int {
        var s = SIMD8<Float>()
        let infos = words.infos
        let shares = words.languageShares
        let bytes = text.bytes.baseAddress
        let tokens = text.tokens
        var k = 0
        while k < tokens.count {
            // The tokenizer marked the words that carry any evidence: stopwords (a collapsed
            // elongation is none), words with a Latin-1 letter or "ij", and telling endings.
            let token = tokens[k]
            k += 1
            let flags = token.flags
            // Stopwords vote without a branch (which of a post's words are stopwords is not
            // predictable): every other token adds `shares[0]`, the zero vector, which leaves
            // the sums exactly as they are (they are never -0). A stopword is always a plain
            // word, never a mention (`SocialTokenizer.roles(of:_:)`), and has an entry.
            // All ones for a stopword, else 0 (masks, not a conditional: the compiler made it a branch).
            let stopword = 0 &- Int(truncatingIfNeeded: (flags.rawValue & TokenFlags.stopword.rawValue) != 0 ? 1 : 0)
            let entry = Int(token.term) & stopword
            s += shares[Int(infos[entry].languages & 0x7F) & stopword]
            guard !flags.isDisjoint(with: [.letterCues, .ending]), flags.contains(.word), !flags.contains(.mention)
            else { continue }
            let word = UnsafeBufferPointer(start: bytes! + Int(token.start), count: Int(token.length))
            if flags.contains(.letterCues) { Self.addLetterCues(word, &s) }
            if flags.contains(.ending) { Self.addEndingCues(word, &s) }
        }
        // The decision on plain Floats: lane reads and `max()` of the vector compiled to a library
        // call and stack spills. Lane 7 is always 0, so "the maximum is below 1" is "the best of
        // the seven is below 1".
        return withUnsafeBytes(of: s) { raw in
            let v = raw.bindMemory(to: Float.self)
            var best = 0
            var top = v[0]
            for l in 1..<7 where v[l] > top {
                best = l
                top = v[l]
            }
            // No evidence at all (common for short posts): the winner would need 1 point.
            guard top >= 1 else { return 7 }
            var second: Float = 0
            for l in 0..<7 where l != best { second = max(second, v[l]) }
            return top - second >= 0.5 ? best : 7
        }
    }

    /// `supported[l]` as a literal (no array access), "und" for 7.
    static func code(_ l: Int) -> String {
        switch l {
        case 0: "en"
        case 1: "es"
        case 2: "fr"
        case 3: "de"
        case 4: "pt"
        case 5: "it"
        case 6: "nl"
        default: "und"
        }
    }

    /// Letters that belong to (nearly) one language.
    private static func addLetterCues(_ word: UnsafeBufferPointer<UInt8>, _ s: inout SIMD8<Float>) {
        let end = word.count
        var j = 0
        while j < end {
            let b = word[j]
            if b == 0xC3 && j + 1 < end {
                switch word[j + 1] {
                case 0xB1: s[1] += 1.5  // ñ
                case 0xA3, 0xB5: s[4] += 1.5  // ã õ
                case 0x9F: s[3] += 1.5  // ß
                case 0xA4, 0xB6, 0xBC: s[3] += 1  // ä ö ü
                case 0xA7: s[2] += 0.5; s[4] += 0.5  // ç
                case 0xAA, 0xA2, 0xAE, 0xBB, 0xB4, 0xA8, 0xAB: s[2] += 0.7  // ê â î û ô è ë
                case 0xAC, 0xB2: s[5] += 1  // ì ò
                case 0xA1, 0xAD, 0xB3, 0xBA: s[1] += 0.4; s[4] += 0.4  // á í ó ú
                default: break
                }
                j += 2
                continue
            }
            if b == 0x69 && j + 1 < end && word[j + 1] == 0x6A { s[6] += 0.8 }  // "ij"
            j += 1
        }
    }

    /// Whether `word` has one of the endings `addEndingCues` scores.
    static func hasEndingCue(_ word: UnsafeBufferPointer<UInt8>) -> Bool { endingCue(word).points != 0 }

    /// Word endings that belong to (nearly) one language.
    @inline(__always) private static func addEndingCues(_ word: UnsafeBufferPointer<UInt8>, _ s: inout SIMD8<Float>) {
        let cue = endingCue(word)
        if cue.points != 0 { s[cue.language] += cue.points }
    }

    /// The language a word's ending points to, and how strongly (0 for none). The endings that
    /// share a last byte exclude each other, so a word has at most one.
    private static func endingCue(_ word: UnsafeBufferPointer<UInt8>) -> (language: Int, points: Float) {
        let end = word.count
        guard end > 1 else { return (0, 0) }
        // Dispatch on the last byte so most words test one or two endings, not thirteen.
        switch word[end - 1] {
        case 0x6F:  // o
            if ends(word, "ção") { return (4, 1) }
        case 0x73:  // s
            if ends(word, "ções") { return (4, 1) }
            if ends(word, "ciones") { return (1, 1) }
        case 0x6E:  // n
            if ends(word, "ción") { return (1, 1) }
        case 0x65:  // e
            if ends(word, "zione") { return (5, 1) }
            if ends(word, "tje") { return (6, 0.8) }
        case 0x69:  // i
            if ends(word, "zioni") { return (5, 1) }
        case 0x67:  // g
            if ends(word, "ung") { return (3, 0.7) }
            if ends(word, "ing") { return (0, 0.3) }
        case 0x74:  // t
            if ends(word, "keit") || ends(word, "schaft") { return (3, 0.7) }
            if ends(word, "ait") { return (2, 0.6) }
        case 0x68:  // h
            if ends(word, "lich") { return (3, 0.7) }
        case 0x6B:  // k
            if ends(word, "lijk") { return (6, 0.8) }
        case 0x64:  // d
            if ends(word, "heid") { return (6, 0.8) }
        case 0x79:  // y
            if ends(word, "ly") { return (0, 0.3) }
        case 0x78:  // x
            if ends(word, "eux") || ends(word, "aux") { return (2, 0.6) }
        default:
            break
        }
        return (0, 0)
    }

    /// Whether `word` is longer than `suffix` and ends with it.
    @inline(__always) private static func ends(_ word: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let count = word.count
        guard count > n else { return false }
        let p = suffix.utf8Start
        for k in 0..<n where word[count - n + k] != p[k] { return false }
        return true
    }
}
