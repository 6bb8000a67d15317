/// A parsed JSON value, light enough to build hundreds of thousands per second.
///
/// Objects keep their members in document order in an array: payload objects are small,
/// so a linear scan beats hashing, and building the array is one allocation.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case int(Int64)
    /// Any other finite number.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue {
    /// The member named `key` of an object (the first one if a key repeats), else nil.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key == key {
            return member.value
        }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var int64Value: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
        default: return nil
        }
    }

    public var intValue: Int? { int64Value.map { Int(truncatingIfNeeded: $0) } }

    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectMembers: [JSONMember]? {
        if case .object(let m) = self { return m }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

}

extension JSONValue {
    /// Materialises a tape node as a tree.
    init(_ node: JSONNode) {
        switch node.kind {
        case .null: self = .null
        case .bool: self = .bool(node.boolValue!)
        case .int: self = .int(node.token.payload)
        case .double: self = .double(node.doubleValue!)
        case .string: self = .string(node.stringValue!)
        case .array: self = .array(node.elements!.map(JSONValue.init))
        case .object: self = .object(node.members!.map { JSONMember(key: $0.key, value: JSONValue($0.value)) })
        }
    }
}
