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

    // Plain JSON values (`"gold"`, `1250`, `true`), as back-office systems send them.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let flag = try? c.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? c.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try c.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let text): try c.encode(text)
        case .number(let number): try c.encode(number)
        case .flag(let flag): try c.encode(flag)
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
