import Foundation

/// A back-office fact about a customer (`plan` = "enterprise", `lifetime_value` = 1250).
public enum FactValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case flag(Bool)

    public var description: String {
        switch self {
        case .text(let text): text
        case .number(let number): number.rounded() == number ? String(Int64(number)) : String(number)
        case .flag(let flag): String(flag)
        }
    }
}

/// A test on one customer fact.
public enum FactPredicate: Hashable, Sendable, Codable {
    case exists
    /// Case-insensitive equality with any of the values (text facts).
    case oneOf([String])
    case atLeast(Double)
    case atMost(Double)
    case isTrue

    public func matches(_ value: FactValue?) -> Bool {
        guard let value else { return false }
        switch (self, value) {
        case (.exists, _): return true
        case (.oneOf(let options), .text(let text)):
            return options.contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        case (.atLeast(let bound), .number(let number)): return number >= bound
        case (.atMost(let bound), .number(let number)): return number <= bound
        case (.isTrue, .flag(let flag)): return flag
        default: return false
        }
    }
}
