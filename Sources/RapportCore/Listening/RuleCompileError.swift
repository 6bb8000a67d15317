/// A listening rule whose query does not compile, named so that the person
/// fixing it knows which rule to open.
public struct RuleCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The failing rule's id.
    public var ruleID: Int64
    /// The failing rule's name.
    public var ruleName: String
    /// What is wrong with its query, and where.
    public var syntaxError: QuerySyntaxError

    /// Creates the error for rule `ruleID` named `ruleName`.
    public init(ruleID: Int64, ruleName: String, syntaxError: QuerySyntaxError) {
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.syntaxError = syntaxError
    }

    /// `rule 12 'Acme outages': column 5: unknown field 'foo'`
    public var description: String {
        "rule \(ruleID) '\(ruleName)': \(syntaxError)"
    }
}
