/// Typed field access that turns absent or mistyped fields into ``FormatError``s naming
/// the dotted path (`data.author_id`), so every connector reports problems the same way.
extension JSONNode {
    /// A required string member. Integers are accepted and rendered, because some
    /// platforms send ids as numbers in one endpoint and strings in another.
    func requiredString(_ key: StaticString, in path: String) throws(FormatError) -> String {
        guard let value = self[key], !value.isNull else { throw .missing(Self.join(path, key)) }
        switch value.kind {
        case .string: return value.stringValue!
        case .int: return String(value.token.payload)
        default: throw .wrongType(Self.join(path, key), expected: "a string")
        }
    }

    /// An optional string member: nil when absent or null; wrong types throw.
    func optionalString(_ key: StaticString, in path: String) throws(FormatError) -> String? {
        guard let value = self[key] else { return nil }
        switch value.kind {
        case .null: return nil
        case .string: return value.stringValue
        case .int: return String(value.token.payload)
        default: throw .wrongType(Self.join(path, key), expected: "a string")
        }
    }

    /// An optional integer member, clamped to `Int`; nil when absent or null.
    func optionalInt(_ key: StaticString, in path: String) throws(FormatError) -> Int? {
        guard let value = self[key] else { return nil }
        switch value.kind {
        case .null: return nil
        case .int: return Int(clamping: value.token.payload)
        case .double:
            let d = value.doubleValue!
            return d >= Double(Int.max) ? .max : d <= Double(Int.min) ? .min : Int(d.rounded())
        case .string: if let s = value.stringValue, let i = Int(s) { return i }
        default: break
        }
        throw .wrongType(Self.join(path, key), expected: "an integer")
    }

    func optionalBool(_ key: StaticString, in path: String) throws(FormatError) -> Bool? {
        guard let value = self[key] else { return nil }
        switch value.kind {
        case .null: return nil
        case .bool: return value.boolValue
        default: throw .wrongType(Self.join(path, key), expected: "a boolean")
        }
    }

    /// A required object member.
    func requiredObject(_ key: StaticString, in path: String) throws(FormatError) -> JSONNode {
        guard let value = self[key], !value.isNull else { throw .missing(Self.join(path, key)) }
        guard value.isObject else { throw .wrongType(Self.join(path, key), expected: "an object") }
        return value
    }

    /// An optional object member: nil when absent or null.
    func optionalObject(_ key: StaticString, in path: String) throws(FormatError) -> JSONNode? {
        guard let value = self[key], !value.isNull else { return nil }
        guard value.isObject else { throw .wrongType(Self.join(path, key), expected: "an object") }
        return value
    }

    /// An optional array member: empty when absent or null.
    func optionalArray(_ key: StaticString, in path: String) throws(FormatError) -> [JSONNode] {
        guard let value = self[key], !value.isNull else { return [] }
        guard let elements = value.elements else { throw .wrongType(Self.join(path, key), expected: "an array") }
        return Array(elements)
    }

    /// Elements of an optional array member, without allocating (empty when absent or null).
    func optionalElements(_ key: StaticString, in path: String) throws(FormatError) -> JSONElements {
        guard let value = self[key], !value.isNull else { return JSONElements(emptyIn: self) }
        guard let elements = value.elements else { throw .wrongType(Self.join(path, key), expected: "an array") }
        return elements
    }

    static func join(_ path: String, _ key: StaticString) -> String {
        path.isEmpty ? key.description : path + "." + key.description
    }
}
