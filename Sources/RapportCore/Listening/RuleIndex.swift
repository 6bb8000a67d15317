/// The immutable compiled form behind `RuleMatcher`: vocabulary, programs and
/// the feature → rule postings.
///
/// `@unchecked Sendable`: the tables are written once in `init`, only read
/// afterwards, and freed in `deinit`.
final class RuleIndex: @unchecked Sendable {
    let ids: [Int64]
    let fields: [FieldPredicate]
    let tables: RuleTables
    private let storage: FrozenStorage

    init(rules: [(id: Int64, root: QueryNode)]) {
        var vocabulary = Vocabulary()
        var program = RuleProgram()
        var roots: [Int32] = []
        var fullMasks: [UInt8] = []
        var alwaysEvaluated: [Int32] = []
        var bitsByFeature: [Int32: [Int32: UInt8]] = [:]
        for (ruleIndex, rule) in rules.enumerated() {
            roots.append(program.compile(rule.root, vocabulary: &vocabulary))
            let groups = RulePrefilter.groups(rule.root, vocabulary: &vocabulary)
            if groups.isEmpty { alwaysEvaluated.append(Int32(ruleIndex)) }
            fullMasks.append(UInt8(truncatingIfNeeded: (1 << groups.count) - 1))
            for (groupIndex, group) in groups.enumerated() {
                for feature in group {
                    bitsByFeature[feature, default: [:]][Int32(ruleIndex), default: 0] |= 1 << groupIndex
                }
            }
        }
        vocabulary.freeze()
        var postingStart: [Int32] = [0]
        var postingRules: [Int32] = []
        var postingBits: [UInt8] = []
        for feature in 0..<Int32(vocabulary.count) {
            for (rule, bits) in (bitsByFeature[feature] ?? [:]).sorted(by: { $0.key < $1.key }) {
                postingRules.append(rule)
                postingBits.append(bits)
            }
            postingStart.append(Int32(postingRules.count))
        }
        var storage = FrozenStorage()
        tables = RuleTables(
            vocabulary: FrozenVocabulary(vocabulary, storage: &storage),
            roots: storage.copy(roots), fullMasks: storage.copy(fullMasks),
            alwaysEvaluated: storage.copy(alwaysEvaluated), postingStart: storage.copy(postingStart),
            postingRules: storage.copy(postingRules), postingBits: storage.copy(postingBits),
            nodes: storage.copy(program.nodes), children: storage.copy(program.children),
            phraseFeatures: storage.copy(program.phraseFeatures))
        self.storage = storage
        self.ids = rules.map(\.id)
        self.fields = program.fields
    }

    deinit { storage.deallocate() }
}

/// Plain pointers to the index's tables: copying this costs no reference counting.
struct RuleTables {
    let vocabulary: FrozenVocabulary
    /// Root node of each rule's program.
    let roots: UnsafeBufferPointer<Int32>
    /// Per rule: one bit per required group; the rule is a candidate once all are set.
    let fullMasks: UnsafeBufferPointer<UInt8>
    /// Rules without required groups, evaluated for every post.
    let alwaysEvaluated: UnsafeBufferPointer<Int32>
    /// Postings of feature f: `postingRules[postingStart[f] ..< postingStart[f + 1]]`.
    let postingStart: UnsafeBufferPointer<Int32>
    let postingRules: UnsafeBufferPointer<Int32>
    /// The groups of that rule the feature satisfies.
    let postingBits: UnsafeBufferPointer<UInt8>
    let nodes: UnsafeBufferPointer<RuleProgram.Node>
    let children: UnsafeBufferPointer<Int32>
    let phraseFeatures: UnsafeBufferPointer<Int32>
}
