import Foundation

/// Parses `name:value` field filters.
struct QueryFieldParser {
    let source: String

    /// Field names, as written in queries and listed in error messages.
    static let names = [
        "lang", "network", "author", "min_followers", "max_followers", "verified", "kind", "origin",
    ]

    /// Extra spellings people reach for.
    static let networkAliases: [String: Network] = [
        "twitter": .x, "inperson": .inPerson, "rss": .feed,
    ]

    func field(_ text: String, colon: String.Index, offset: Int) throws(QuerySyntaxError) -> QueryNode {
        let name = text[..<colon].lowercased()
        let value = String(text[text.index(after: colon)...])
        let valueOffset = offset + text.distance(from: text.startIndex, to: colon) + 1
        guard Self.names.contains(name) else {
            throw error(
                at: offset,
                "unknown field '\(text[..<colon])' (fields: \(Self.names.joined(separator: ", ")))")
        }
        guard !value.isEmpty else { throw error(at: valueOffset, "\(name) needs a value after ':'") }
        let lowered = value.lowercased()
        let predicate: FieldPredicate
        switch name {
        case "lang":
            let primary = MatchDocument.primaryLanguage(lowered)
            guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter })
            else {
                throw error(at: valueOffset, "lang expects a language code like en or pt-BR")
            }
            predicate = .language(primary)
        case "network":
            guard let network = Network(rawValue: lowered) ?? Self.networkAliases[lowered] else {
                let known = Network.allCases.map(\.rawValue).joined(separator: ", ")
                throw error(at: valueOffset, "unknown network '\(value)' (networks: \(known))")
            }
            predicate = .network(network)
        case "author":
            predicate = try author(value, valueOffset: valueOffset)
        case "min_followers", "max_followers":
            guard let count = Self.count(lowered) else {
                throw error(at: valueOffset, "\(name) expects a whole number, like 10000 or 10k")
            }
            predicate = name == "min_followers" ? .minFollowers(count) : .maxFollowers(count)
        case "verified":
            switch lowered {
            case "true", "yes": predicate = .verified(true)
            case "false", "no": predicate = .verified(false)
            default: throw error(at: valueOffset, "verified expects true or false")
            }
        case "kind":
            guard let kind = MentionKind(rawValue: lowered) else {
                let known = [
                    "post", "reply", "comment", "dm", "email", "chat", "article", "call", "meeting",
                ]
                throw error(
                    at: valueOffset, "unknown kind '\(value)' (kinds: \(known.joined(separator: ", ")))")
            }
            predicate = .kind(kind)
        default:  // origin
            guard let origin = Origin(rawValue: lowered) else {
                throw error(at: valueOffset, "unknown origin '\(value)' (origins: owned, public)")
            }
            predicate = .origin(origin)
        }
        return .field(predicate)
    }

    private func author(_ value: String, valueOffset: Int) throws(QuerySyntaxError) -> FieldPredicate {
        var handle = value.first == "@" ? String(value.dropFirst()) : value
        let isPrefix = handle.hasSuffix("*")
        if isPrefix { handle.removeLast() }
        if let star = handle.firstIndex(of: "*") {
            let starOffset =
                valueOffset + value.distance(from: value.startIndex, to: star)
                + (value.first == "@" ? 1 : 0)
            throw error(at: starOffset, "'*' is only allowed at the end of an author, as in author:sam*")
        }
        guard !handle.isEmpty else {
            throw error(at: valueOffset, "author needs a handle, as in author:samcarter")
        }
        return .author(TextFolder.fold(handle), prefix: isPrefix)
    }

    /// `10000`, `10k`, `2.5m`, `1_000` → whole numbers; nil when not one.
    static func count(_ text: String) -> Int? {
        var digits = text.replacingOccurrences(of: "_", with: "")
        var multiplier = 1.0
        if digits.hasSuffix("k") {
            multiplier = 1_000
        } else if digits.hasSuffix("m") {
            multiplier = 1_000_000
        }
        if multiplier > 1 { digits.removeLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
            return nil
        }
        if multiplier == 1 { return Int(digits) }
        guard let value = Double(digits) else { return nil }
        let scaled = (value * multiplier).rounded()
        guard scaled == value * multiplier, scaled < 1e15 else { return nil }
        return Int(scaled)
    }

    private func error(at offset: Int, _ message: String) -> QuerySyntaxError {
        QuerySyntaxError(source: source, offset: offset, message: message)
    }
}
