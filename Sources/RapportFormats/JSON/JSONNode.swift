import Foundation

/// A borrowed view of one value on the token tape: no allocation, no reference counting.
///
/// Only valid inside the closure given to `JSONParser.withDocument`, because it points
/// into the input bytes and the tape. Keys are compared as bytes against `StaticString`s,
/// and a `String` is built only when a value is read.
struct JSONNode {
    let tokens: UnsafePointer<JSONToken>
    let bytes: UnsafeBufferPointer<UInt8>
    let index: Int

    @inline(__always)
    var token: JSONToken { tokens[index] }

    @inline(__always)
    var kind: JSONToken.Kind { tokens[index].kind }

    var isObject: Bool { kind == .object }
    var isArray: Bool { kind == .array }
    var isNull: Bool { kind == .null }

    /// Index of the token after this value and all its descendants.
    @inline(__always)
    var next: Int {
        let t = tokens[index]
        return t.kind == .object || t.kind == .array ? Int(t.a) : index + 1
    }

    /// The member named `key` of an object (the first if a key repeats), else nil.
    @inline(__always)
    subscript(key: StaticString) -> JSONNode? {
        guard kind == .object else { return nil }
        let count = Int(tokens[index].b)
        var i = index + 1
        for _ in 0..<count {
            let valueIndex = i + 1
            if keyEquals(i, key) { return JSONNode(tokens: tokens, bytes: bytes, index: valueIndex) }
            let v = tokens[valueIndex]
            i = v.kind == .object || v.kind == .array ? Int(v.a) : valueIndex + 1
        }
        return nil
    }

    @inline(__always)
    private func keyEquals(_ keyIndex: Int, _ key: StaticString) -> Bool {
        let t = tokens[keyIndex]
        let length = Int(t.b) - Int(t.a)
        if t.hasEscapes {
            return JSONEscapes.decode(bytes, from: Int(t.a), to: Int(t.b)) == key.description
        }
        guard length == key.utf8CodeUnitCount else { return false }
        let k = key.utf8Start
        let base = bytes.baseAddress! + Int(t.a)
        for j in 0..<length where base[j] != k[j] { return false }
        return true
    }

    var stringValue: String? {
        let t = tokens[index]
        guard t.kind == .string else { return nil }
        if t.hasEscapes { return JSONEscapes.decode(bytes, from: Int(t.a), to: Int(t.b)) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(t.a)..<Int(t.b)]), as: UTF8.self)
    }

    /// True when this is a string equal to `other`, compared without building a `String`.
    func stringEquals(_ other: String) -> Bool {
        let t = tokens[index]
        guard t.kind == .string else { return false }
        if t.hasEscapes { return stringValue == other }
        var other = other
        return other.withUTF8 { o in
            guard o.count == Int(t.b) - Int(t.a) else { return false }
            return o.elementsEqual(UnsafeBufferPointer(rebasing: bytes[Int(t.a)..<Int(t.b)]))
        }
    }

    /// A string value read as an ISO 8601 date straight from the bytes; nil if it is not one.
    var iso8601DateValue: Date? {
        let t = tokens[index]
        guard t.kind == .string else { return nil }
        if t.hasEscapes { return stringValue.flatMap(DateParsing.iso8601) }
        return DateParsing.iso8601(bytes: UnsafeBufferPointer(rebasing: bytes[Int(t.a)..<Int(t.b)]))
    }

    var int64Value: Int64? {
        let t = tokens[index]
        switch t.kind {
        case .int: return t.payload
        case .double:
            let d = Double(bitPattern: UInt64(bitPattern: t.payload))
            return d.rounded() == d && abs(d) < 9.2e18 ? Int64(d) : nil
        default: return nil
        }
    }

    var intValue: Int? { int64Value.map { Int(truncatingIfNeeded: $0) } }

    var doubleValue: Double? {
        let t = tokens[index]
        switch t.kind {
        case .int: return Double(t.payload)
        case .double: return Double(bitPattern: UInt64(bitPattern: t.payload))
        default: return nil
        }
    }

    var boolValue: Bool? { kind == .bool ? tokens[index].payload != 0 : nil }

    /// The elements of an array, else nil.
    var elements: JSONElements? {
        guard kind == .array else { return nil }
        return JSONElements(array: self)
    }

    /// Object members as (key, value) pairs, else nil.
    var members: [(key: String, value: JSONNode)]? {
        guard kind == .object else { return nil }
        var out: [(key: String, value: JSONNode)] = []
        var i = index + 1
        for _ in 0..<Int(tokens[index].b) {
            let key = JSONNode(tokens: tokens, bytes: bytes, index: i).stringValue ?? ""
            let value = JSONNode(tokens: tokens, bytes: bytes, index: i + 1)
            out.append((key, value))
            i = value.next
        }
        return out
    }

    /// A short name of the value's type, for error messages.
    var typeName: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// The elements of a JSON array on the tape, as a sequence of nodes.
struct JSONElements: Sequence {
    let array: JSONNode
    let count: Int

    init(array: JSONNode) {
        self.array = array
        self.count = Int(array.token.b)
    }

    /// No elements (for an absent array), borrowing `node` only for its tape.
    init(emptyIn node: JSONNode) {
        self.array = node
        self.count = 0
    }

    var isEmpty: Bool { count == 0 }

    var first: JSONNode? {
        var it = makeIterator()
        return it.next()
    }

    func makeIterator() -> Iterator {
        Iterator(node: array, position: array.index + 1, remaining: count)
    }

    struct Iterator: IteratorProtocol {
        let node: JSONNode
        var position: Int
        var remaining: Int

        mutating func next() -> JSONNode? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let element = JSONNode(tokens: node.tokens, bytes: node.bytes, index: position)
            position = element.next
            return element
        }
    }
}

extension JSONNode {
    /// A key's length in bytes when written without escapes, else -1 (compare the decoded `stringValue`).
    @inline(__always)
    var keyLength: Int {
        let t = tokens[index]
        return t.hasEscapes ? -1 : Int(t.b) - Int(t.a)
    }

    /// The bytes of a key written without escapes (`keyLength` ≥ 0), as they lie in the input.
    @inline(__always)
    var keyBytes: UnsafeBufferPointer<UInt8> {
        let t = tokens[index]
        return UnsafeBufferPointer(rebasing: bytes[Int(t.a)..<Int(t.b)])
    }
}
