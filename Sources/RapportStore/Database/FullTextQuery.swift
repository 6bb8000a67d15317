/// A user's search box text reduced to plain words, so that neither FTS5 nor
/// tsquery syntax can be injected; both engines then require every word.
public struct FullTextQuery: Sendable, Hashable {
    public let words: [String]

    public init?(_ text: String) {
        let words = text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
            .prefix(16)
        guard !words.isEmpty else { return nil }
        self.words = Array(words)
    }

    /// FTS5: each word quoted (no operators), implicitly ANDed.
    var fts5Expression: String {
        words.map { "\"\($0)\"" }.joined(separator: " ")
    }
}
