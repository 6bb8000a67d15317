/// Many listening rules compiled together, to find which rules each post of
/// a fire hose matches.
///
/// Compile once per rule set (cheap: milliseconds for hundreds of rules) and
/// share the value across threads; matching allocates only the answer.
///
/// How it stays fast: every term of every rule is interned in one vocabulary;
/// a post is tokenised once and each token is hashed to a feature id or
/// dropped. An inverted index from features to rules marks, for each rule,
/// which of its required groups (see `RulePrefilter`) the post satisfies; only
/// rules with all groups satisfied, plus the few rules that have none (pure
/// negations, field-only rules), are evaluated.
public struct RuleMatcher: Sendable {
    let index: RuleIndex

    /// Compiles the enabled rules; disabled rules are ignored (not even parsed).
    /// - Throws: `RuleCompileError` naming the first rule whose query does not compile.
    public init(rules: [ListeningRule]) throws(RuleCompileError) {
        var compiled: [(id: Int64, root: QueryNode)] = []
        for rule in rules where rule.enabled {
            do {
                compiled.append((rule.id, try ListeningQuery.compile(rule.query).root))
            } catch {
                throw RuleCompileError(ruleID: rule.id, ruleName: rule.name, syntaxError: error)
            }
        }
        index = RuleIndex(rules: compiled)
    }

    /// Number of enabled rules compiled.
    public var count: Int { index.ids.count }

    /// Distinct token texts across all rules (terms, hashtags, handles, wildcards).
    public var vocabularySize: Int { index.tables.vocabulary.count }

    /// Ids of the rules `post` matches, in the order the rules were given.
    public func matchingRuleIDs(for post: IncomingPost) -> [Int64] {
        index.match(MatchDocument(post: post))
    }

    /// Ids of the rules `document` matches, in the order the rules were given.
    public func matchingRuleIDs(for document: MatchDocument) -> [Int64] {
        index.match(document)
    }
}
