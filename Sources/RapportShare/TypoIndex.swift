/// Known words one edit (insertion, deletion, substitution or swap of neighbours) away from a misspelt one, found
/// through each word's one-deletion variants (the symmetric-delete method): no scan of the vocabulary per query.
struct TypoIndex: Sendable {
    let variants: [String: [String]]

    init<S: Sequence<String>>(_ words: S) {
        var variants: [String: [String]] = [:]
        for word in Set(words) where word.count >= 4 {
            for variant in Self.deletions(word) { variants[variant, default: []].append(word) }
            variants[word, default: []].append(word)
        }
        self.variants = variants
    }

    static func deletions(_ word: String) -> Set<String> {
        let chars = Array(word)
        var out = Set<String>()
        for i in chars.indices {
            var copy = chars
            copy.remove(at: i)
            out.insert(String(copy))
        }
        return out
    }

    /// Words within one edit of `word` (at most three, the most similar in length first).
    func near(_ word: String) -> [String] {
        var found = Set<String>()
        for key in Self.deletions(word).union([word]) { found.formUnion(variants[key] ?? []) }
        found.remove(word)
        let sorted = found.filter { Self.withinOneEdit(word, $0) }.sorted {
            (abs($0.count - word.count), $0) < (abs($1.count - word.count), $1)
        }
        return Array(sorted.prefix(3))
    }

    /// Deletion variants over-match (two substitutions at the same place in different words): check the distance.
    static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a)
        let y = Array(b)
        if abs(x.count - y.count) > 1 { return false }
        if x.count == y.count {
            let diff = x.indices.filter { x[$0] != y[$0] }
            if diff.count <= 1 { return true }
            return diff.count == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]]
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        return Array(short[i...]) == Array(long[(i + 1)...])
    }
}
