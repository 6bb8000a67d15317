/// A light, language-blind suffix stripper for the seven languages the analyser knows.
///
/// Not a full Porter/Snowball stemmer on purpose: customers' messages are short and often in a language other than
/// the article's, and a conservative cut (plurals, -ing/-ed/-ment, Romance and Germanic inflections) helps recall
/// without merging unrelated words. A stem keeps at least four characters.
enum LightStemmer {
    /// Endings tried longest first; the first that leaves a stem of at least four characters is cut.
    static let suffixes: [String] = [
        "ational", "ization", "amente", "mente", "ements", "ement", "ments", "ment", "ungen", "ation", "ition",
        "iones", "ciones", "cion", "ions", "ion", "ness", "ings", "ing", "ies", "ied", "ers", "ed", "es", "en",
        "er", "ly", "y", "s", "e", "a", "o", "i",
    ].sorted { $0.count > $1.count }

    static func stem(_ word: String) -> String {
        guard word.count > 4, !word.contains(where: \.isNumber) else { return word }
        for suffix in suffixes where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
            var stem = String(word.dropLast(suffix.count))
            // "shipped" → "shipp" → "ship": one doubled final consonant goes.
            if let last = stem.last, stem.count > 4, stem.dropLast().last == last, !"aeiouls".contains(last) {
                stem.removeLast()
            }
            return stem
        }
        return word
    }
}
