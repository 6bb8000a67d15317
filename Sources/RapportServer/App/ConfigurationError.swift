/// Every bad `RAPPORT_*` variable found at start, reported together so that one restart fixes them all.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One bad variable: its name, its value as set (secrets masked) and why it was refused.
    public struct Problem: Sendable, Equatable {
        public var variable: String
        public var value: String
        public var reason: String

        public init(variable: String, value: String, reason: String) {
            self.variable = variable
            self.value = value
            self.reason = reason
        }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// The variables named, in the order reported.
    public var variables: [String] { problems.map(\.variable) }

    public var description: String {
        let noun = problems.count == 1 ? "setting" : "settings"
        return "invalid configuration (\(problems.count) \(noun)):\n"
            + problems.map { "  \($0.variable)=\"\($0.value)\": \($0.reason)" }.joined(separator: "\n")
    }
}
