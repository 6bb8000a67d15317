/// Prints a syntax tree back as a query, fully parenthesised.
enum QueryPrinter {
    static func print(_ node: QueryNode) -> String {
        switch node {
        case .word(let text): string(text)
        case .prefix(let text): string(text) + "*"
        case .hashtag(let text): "#" + string(text)
        case .handle(let text): "@" + string(text)
        case .phrase(let elements): "\"" + elements.map(element).joined(separator: " ") + "\""
        case .field(let predicate): field(predicate)
        case .and(let children): "(" + children.map(print).joined(separator: " AND ") + ")"
        case .or(let children): "(" + children.map(print).joined(separator: " OR ") + ")"
        case .not(let child): "NOT " + print(child)
        }
    }

    private static func element(_ element: PhraseElement) -> String {
        switch element.kind {
        case .word: string(element.text)
        case .hashtag: "#" + string(element.text)
        case .handle: "@" + string(element.text)
        }
    }

    private static func field(_ predicate: FieldPredicate) -> String {
        switch predicate {
        case .language(let code): "lang:\(code)"
        case .network(let network): "network:\(network.rawValue)"
        case .author(let handle, let prefix): "author:\(string(handle))\(prefix ? "*" : "")"
        case .minFollowers(let count): "min_followers:\(count)"
        case .maxFollowers(let count): "max_followers:\(count)"
        case .verified(let verified): "verified:\(verified)"
        case .kind(let kind): "kind:\(kind.rawValue)"
        case .origin(let origin): "origin:\(origin.rawValue)"
        }
    }

    private static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
