/// The immutable compiled form behind `RuleMatcher`: vocabulary, programs and
/// the feature → rule postings.
final class RuleIndex: Sendable {
  let ids: [Int64]
  let roots: [Int32]
  let program: RuleProgram
  let vocabulary: Vocabulary
  /// Per rule: one bit per required group; the rule is a candidate once all are set.
  let fullMasks: [UInt8]
  /// Rules without required groups, evaluated for every post.
  let alwaysEvaluated: [Int32]
  /// Postings of feature f: `postingRules[postingStart[f] ..< postingStart[f + 1]]`.
  let postingStart: [Int32]
  let postingRules: [Int32]
  /// The groups of that rule the feature satisfies.
  let postingBits: [UInt8]

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
    self.ids = rules.map(\.id)
    self.roots = roots
    self.program = program
    self.vocabulary = vocabulary
    self.fullMasks = fullMasks
    self.alwaysEvaluated = alwaysEvaluated
    self.postingStart = postingStart
    self.postingRules = postingRules
    self.postingBits = postingBits
  }
}
