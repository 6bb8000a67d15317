/// Works out which features a rule cannot match without, for the index.
///
/// The answer is a conjunction of groups: the post must contain at least one
/// feature of every group. `acme AND (outage OR down)` gives `{acme}` and
/// `{outage, down}`; `"acme mobile"` gives `{acme}`, `{mobile}`. A rule with
/// no group (`NOT spam`, `lang:en`) must be evaluated for every post.
enum RulePrefilter {
    /// At most this many groups per rule: one bit each in a byte.
    static let maximumGroups = 8

    static func groups(_ node: QueryNode, vocabulary: inout Vocabulary) -> [[Int32]] {
        let all = required(node, vocabulary: &vocabulary) ?? []
        var seen = Set<[Int32]>()
        let unique = all.map { Array(Set($0)).sorted() }.filter { seen.insert($0).inserted }
        // Small groups reject the most posts; keep those.
        return Array(unique.sorted { $0.count < $1.count }.prefix(maximumGroups))
    }

    /// Nil when the node can match a post that contains none of the rule's features.
    private static func required(_ node: QueryNode, vocabulary: inout Vocabulary) -> [[Int32]]? {
        switch node {
        case .word(let text): return [[vocabulary.intern(.word, text)]]
        case .prefix(let text): return [[vocabulary.intern(.prefix, text)]]
        case .hashtag(let text): return [[vocabulary.intern(.hashtag, text)]]
        case .handle(let text): return [[vocabulary.intern(.handle, text)]]
        case .phrase(let elements):
            return elements.map { [vocabulary.intern(Vocabulary.Kind($0.kind), $0.text)] }
        case .field, .not:
            return nil
        case .and(let children):
            let groups = children.compactMap { required($0, vocabulary: &vocabulary) }.flatMap { $0 }
            return groups.isEmpty ? nil : groups
        case .or(let children):
            // Each alternative must bring a group; one group per alternative,
            // the smallest, united, is a single group the OR requires.
            var union: [Int32] = []
            for child in children {
                guard let groups = required(child, vocabulary: &vocabulary),
                    let smallest = groups.min(by: { $0.count < $1.count })
                else { return nil }
                union.append(contentsOf: smallest)
            }
            return [union]
        }
    }
}
