import Foundation  // sqrt/log10 come from the platform maths library Foundation links.

/// The sentiment lexicon: VADER's word and emoji valences plus Rapport's additions,
/// built once per process into a `LexiconTable`, which also holds the intent cues, the
/// language words and the topic fillers (one hash look-up per token serves every step).
enum SentimentLexicon {
    /// Shared by every `Analyzer`: parsing ~8k lines costs about a millisecond, once.
    static let standard: LexiconTable = {
        var table = build()
        // Entries so far are sentiment entries; the others only add their own fields.
        table.insertFlagInAll(.sentiment)
        LanguageWords.add(to: &table)
        IntentCues.add(to: &table)
        TopicExtractor.addFillers(to: &table)
        return table.freeze()
    }()

    static func build() -> LexiconBuilder {
        var table = LexiconBuilder()
        forEachVaderLine { key, value in
            guard let value = Float(value) else { return }
            table.upsert(key) { $0.valence = value }
        }
        for (term, value) in RapportWords.valences + RapportWords.extraPhrases {
            table.upsert(term) { $0.valence = Float(value) }
        }
        for (term, value) in RapportWords.boosters {
            table.upsert(term) { $0.booster = Float(value) }
        }
        for term in RapportWords.negators {
            // A negator keeps its own valence ("no" is -1.2, "fails" -2.2); the scorer drops it
            // when the negator scopes over a valenced word, so it never double counts.
            table.upsert(term) { $0.flags.insert(.negator) }
        }
        for term in RapportWords.contrasts { table.upsert(term) { $0.flags.insert(.contrast) } }
        for term in RapportWords.weakContrasts { table.upsert(term) { $0.flags.insert(.weakContrast) } }
        for term in RapportWords.englishOnly { table.upsert(term) { $0.flags.insert(.englishOnly) } }
        for term in RapportWords.sarcasmCues { table.upsert(term) { $0.flags.insert(.sarcasm) } }
        for term in RapportWords.ironyTargets { table.upsert(term) { $0.flags.insert(.ironyTarget) } }
        for term in RapportWords.neutralised { table.upsert(term) { $0.valence = 0 } }
        // Multi-word entries: mark their first word so the scorer tries the pair only then. (Keys
        // are split at the byte 0x20, which no key follows with a combining mark: the same pieces as
        // splitting their Characters at " ", without Foundation's string search.)
        let phraseKeys = table.allKeys.filter { $0.utf8.contains(0x20) }
        for key in phraseKeys {
            let parts = key.utf8.split(separator: 0x20)
            guard parts.count == 2 else { continue }
            table.upsert(String(decoding: parts[0], as: UTF8.self)) { $0.flags.insert(.startsPhrase) }
        }
        return table
    }

    /// Calls `body` with each `term<TAB>valence` line of `VaderLexiconData.text`, split as bytes:
    /// the text has no "\r", so its lines and tabs are the ones splitting its Characters finds
    /// (a line or tab character never joins a neighbour into one Character), and reading it as
    /// bytes costs a fraction of the Character walk, once per process at start-up. Lines without
    /// a tab are skipped; empty lines too, as `split` omits them.
    static func forEachVaderLine(_ body: (_ key: String, _ value: String) -> Void) {
        var text = VaderLexiconData.text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var tab = start
                while tab < end && bytes[tab] != 0x09 { tab += 1 }
                if tab < end {
                    body(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self),
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<end]), as: UTF8.self))
                }
                start = end + 1
            }
        }
    }
}

extension LexiconBuilder {
    /// Every key, for building phrase markers (not used on the hot path).
    var allKeys: [String] {
        var keys: [String] = []
        SentimentLexicon.forEachVaderLine { key, _ in keys.append(key) }
        keys +=
            (RapportWords.valences + RapportWords.extraPhrases).map(\.0) + RapportWords.boosters.map(\.0)
            + RapportWords.sarcasmCues
        return keys
    }
}
