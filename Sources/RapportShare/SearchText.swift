import Foundation

/// The words of a text as the knowledge base indexes and looks them up: lower-cased, accents folded, stopwords of
/// the seven languages the analyser knows dropped, and each word cut to a light stem (plural and common inflection
/// endings), so "refunds", "refunded" and "Refund" meet. Both engines' full-text indexes hold this form too (the
/// article's `search_text`), which is what makes the search language aware on SQLite and PostgreSQL alike.
public enum SearchText {
    /// Plain words: lower-cased and accent-folded, split on anything that is not a letter or digit.
    public static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The index terms of `text`: folded words without stopwords, stemmed. Words of one or two letters are kept
    /// only when they hold a digit ("5g", "2fa").
    public static func terms(_ text: String) -> [String] {
        words(text).compactMap(term)
    }

    /// One word's index term, or nil for a stopword or a stray letter.
    public static func term(_ word: String) -> String? {
        if Stopwords.all.contains(word) { return nil }
        if word.count < 3, !word.contains(where: \.isNumber) { return nil }
        return LightStemmer.stem(word)
    }

    /// The text the full-text index keeps for an article: its terms, space-separated.
    public static func indexText(_ parts: String...) -> String {
        parts.flatMap(terms).joined(separator: " ")
    }
}
