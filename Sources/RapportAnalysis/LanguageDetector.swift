/// Detects en, es, fr, de, pt, it, nl (else "und") from short social texts.
///
/// Each word that is a stopword in some languages adds 1 / (number of such languages) to
/// each of them; letters and endings specific to one language (ñ, ã, ß, "-ção", "-lijk")
/// add character-level evidence, which is what decides two- or three-word posts.
/// The winner needs at least 1.0 points and a 0.5 lead, otherwise the post is "und".
public struct LanguageDetector: Sendable {
    public static let supported = ["en", "es", "fr", "de", "pt", "it", "nl"]
    let words: LexiconTable

    public init() { words = LanguageWords.standard }

    public func detect(_ text: String) -> String {
        detect(SocialTokenizer(lexicon: SentimentLexicon.standard).tokenize(text))
    }

    func detect(_ text: TokenizedText) -> String {
        var scores: (Float, Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scores) { raw in
            let s = raw.bindMemory(to: Float.self)
            for token in text.tokens where token.flags.contains(.word) && !token.flags.contains(.mention) {
                let found = words.find(text, token)
                if found >= 0 {
                    let mask = words.infos[found].tag
                    let share = 1 / Float(mask.nonzeroBitCount)
                    for l in 0..<7 where mask & (1 << l) != 0 { s[l] += share }
                }
                addCharacterCues(text, token, s)
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
    private func addCharacterCues(_ text: TokenizedText, _ token: Token, _ s: UnsafeMutableBufferPointer<Float>) {
        let start = Int(token.start)
        let end = start + Int(token.length)
        var j = start
        while j < end {
            let b = text.bytes[j]
            if b == 0xC3 && j + 1 < end {
                switch text.bytes[j + 1] {
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
            if b == 0x69 && j + 1 < end && text.bytes[j + 1] == 0x6A { s[6] += 0.8 }  // "ij"
            j += 1
        }
        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard end - start > n else { return false }
            for k in 0..<n where text.bytes[end - n + k] != suffix.utf8Start[k] { return false }
            return true
        }
        if ends("ção") || ends("ções") { s[4] += 1 }
        if ends("ción") || ends("ciones") { s[1] += 1 }
        if ends("zione") || ends("zioni") { s[5] += 1 }
        if ends("ung") || ends("keit") || ends("lich") || ends("schaft") { s[3] += 0.7 }
        if ends("lijk") || ends("heid") || ends("tje") { s[6] += 0.8 }
        if ends("ing") || ends("ly") { s[0] += 0.3 }
        if ends("eux") || ends("aux") || ends("ait") { s[2] += 0.6 }
    }
}
