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
        for line in VaderLexiconData.text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), let value = Float(line[line.index(after: tab)...]) else {
                continue
            }
            table.upsert(String(line[..<tab])) { $0.valence = value }
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
        // Multi-word entries: mark their first word so the scorer tries the pair only then.
        let phraseKeys = table.allKeys.filter { $0.contains(" ") }
        for key in phraseKeys {
            let parts = key.split(separator: " ")
            guard parts.count == 2 else { continue }
            table.upsert(String(parts[0])) { $0.flags.insert(.startsPhrase) }
        }
        return table
    }
}

extension LexiconBuilder {
    /// Every key, for building phrase markers (not used on the hot path).
    var allKeys: [String] {
        var keys: [String] = []
        for word in VaderLexiconData.text.split(separator: "\n") {
            if let tab = word.firstIndex(of: "\t") { keys.append(String(word[..<tab])) }
        }
        keys +=
            (RapportWords.valences + RapportWords.extraPhrases).map(\.0) + RapportWords.boosters.map(\.0)
            + RapportWords.sarcasmCues
        return keys
    }
}
