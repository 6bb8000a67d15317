import Mustache

/// A view model whose fields Mustache reads through key paths instead of `Mirror`.
///
/// swift-mustache falls back to `Mirror(reflecting:)` for each `{{name}}` of a struct, which lists every field
/// each time, and a name a row lacks walks up to the page and reflects it too: the inbox's 100 rows spent ~70 ms
/// rendering in a debug build that way. Types on hot pages list their fields once here.
protocol MustacheFields: MustacheParent {
    static var mustacheFields: [String: PartialKeyPath<Self>] { get }
}

extension MustacheFields {
    func child(named name: String) -> Any? {
        guard let path = Self.mustacheFields[name] else { return nil }
        let value = self[keyPath: path]
        // An absent optional is no value (as Mirror gave it), so sections and inverted sections behave the same.
        if let optional = value as? any OptionalValue { return optional.wrappedAny }
        return value
    }
}

/// Lets `child(named:)` unwrap an `Optional` held in an `Any`.
protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedAny: Any? {
        switch self {
        case .some(let value): (value as? any OptionalValue)?.wrappedAny ?? value
        case .none: nil
        }
    }
}
