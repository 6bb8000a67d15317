/// An element of a parsed XML document. Names keep their prefix (`dc:creator`);
/// ``localName`` drops it, which is how feeds are read (prefixes vary between feeds).
public struct SafeXMLElement: Sendable, Hashable {
    public var name: String
    public var attributes: [SafeXMLAttribute]
    public var children: [SafeXMLNode]

    public init(name: String, attributes: [SafeXMLAttribute] = [], children: [SafeXMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The name without its namespace prefix.
    public var localName: Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    /// The value of the attribute with this exact (possibly prefixed) name.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements, in order.
    public var elements: [SafeXMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The first child element with this local name.
    public func child(_ localName: String) -> SafeXMLElement? {
        for case .element(let e) in children where e.localName == localName { return e }
        return nil
    }

    /// All child elements with this local name.
    public func children(_ localName: String) -> [SafeXMLElement] {
        elements.filter { $0.localName == localName }
    }

    /// All text inside the element and its descendants, in document order.
    public var text: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): e.appendText(to: &out)
            }
        }
    }

    /// Trimmed text of the first child with this local name, nil when absent or blank.
    public func childText(_ localName: String) -> String? {
        guard let text = child(localName)?.text.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }
}

/// A node of an XML element's content.
public enum SafeXMLNode: Sendable, Hashable {
    case element(SafeXMLElement)
    /// Character data, entities and CDATA already decoded.
    case text(String)
}

/// One `name="value"` attribute, value decoded.
public struct SafeXMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
