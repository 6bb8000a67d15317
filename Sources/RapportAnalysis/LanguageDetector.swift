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
        detect(SocialTokenizer(lexicon: SentimentLexicon.standard).tokenize(text))
    }

    func detect(_ text: TokenizedText) -> String {
        var scores: (Float, Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0, 0)
        let infos = words.infos
        withUnsafeMutableBytes(of: &scores) { raw in
            let s = raw.bindMemory(to: Float.self)
            text.bytes.withUnsafeBufferPointer { bytes in
                for token in text.tokens where token.flags.contains(.word) && !token.flags.contains(.mention) {
                    // The tokenizer already found the entry; a collapsed elongation is no stopword.
                    if token.term >= 0 && !token.flags.contains(.collapsed) {
                        let mask = infos[Int(token.term)].languages
                        if mask != 0 {
                            let share = 1 / Float(mask.nonzeroBitCount)
                            for l in 0..<7 where mask & (1 << l) != 0 { s[l] += share }
                        }
                    }
                    let start = Int(token.start)
                    Self.addCharacterCues(UnsafeBufferPointer(rebasing: bytes[start..<start + Int(token.length)]), s)
                }
            }
        }
        return withUnsafeBytes(of: &scores) { raw in
            let s = raw.bindMemory(to: Float.self)
            var best = 0
            for l in 1..<7 where s[l] > s[best] { best = l }
            var second: Float = 0
            for l in 0..<7 where l != best { second = max(second, s[l]) }
            return s[best] >= 1 && s[best] - second >= 0.5 ? Self.supported[best] : "und"
        }
    }

    /// Letters and word endings that belong to (nearly) one language.
    private static func addCharacterCues(_ word: UnsafeBufferPointer<UInt8>, _ s: UnsafeMutableBufferPointer<Float>) {
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
        guard end > 1 else { return }
        // Dispatch on the last byte so most words test one or two endings, not thirteen.
        switch word[end - 1] {
        case 0x6F:  // o
            if ends(word, "ção") { s[4] += 1 }
        case 0x73:  // s
            if ends(word, "ções") { s[4] += 1 }
            if ends(word, "ciones") { s[1] += 1 }
        case 0x6E:  // n
            if ends(word, "ción") { s[1] += 1 }
        case 0x65:  // e
            if ends(word, "zione") { s[5] += 1 }
            if ends(word, "tje") { s[6] += 0.8 }
        case 0x69:  // i
            if ends(word, "zioni") { s[5] += 1 }
        case 0x67:  // g
            if ends(word, "ung") { s[3] += 0.7 }
            if ends(word, "ing") { s[0] += 0.3 }
        case 0x74:  // t
            if ends(word, "keit") || ends(word, "schaft") { s[3] += 0.7 }
            if ends(word, "ait") { s[2] += 0.6 }
        case 0x68:  // h
            if ends(word, "lich") { s[3] += 0.7 }
        case 0x6B:  // k
            if ends(word, "lijk") { s[6] += 0.8 }
        case 0x64:  // d
            if ends(word, "heid") { s[6] += 0.8 }
        case 0x79:  // y
            if ends(word, "ly") { s[0] += 0.3 }
        case 0x78:  // x
            if ends(word, "eux") || ends(word, "aux") { s[2] += 0.6 }
        default:
            break
        }
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
