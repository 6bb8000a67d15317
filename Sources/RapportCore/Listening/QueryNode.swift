/// The syntax tree of a listening query, with every text already folded.
indirect enum QueryNode: Sendable, Hashable {
    /// A plain word (also matches hashtags and handle parts with that text).
    case word([UInt8])
    /// `prefix*`: any word starting with the bytes.
    case prefix([UInt8])
    case hashtag([UInt8])
    case handle([UInt8])
    /// Consecutive tokens; also what a term like `t-mobile` becomes.
    case phrase([PhraseElement])
    case field(FieldPredicate)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)

    /// AND of `nodes`, flattening nested ANDs.
    static func all(_ nodes: [QueryNode]) -> QueryNode {
        let flat = nodes.flatMap { node -> [QueryNode] in
            if case .and(let children) = node { return children }
            return [node]
        }
        return flat.count == 1 ? flat[0] : .and(flat)
    }

    /// OR of `nodes`, flattening nested ORs.
    static func any(_ nodes: [QueryNode]) -> QueryNode {
        let flat = nodes.flatMap { node -> [QueryNode] in
            if case .or(let children) = node { return children }
            return [node]
        }
        return flat.count == 1 ? flat[0] : .or(flat)
    }
}

/// One token of a phrase: its kind (a `#tag` in a phrase must be a hashtag) and folded text.
struct PhraseElement: Sendable, Hashable {
    var kind: TokenKind
    var text: [UInt8]
}

/// A test on a post's metadata rather than its text.
enum FieldPredicate: Sendable, Hashable {
    /// Primary language subtag.
    case language(String)
    case network(Network)
    /// Folded handle; `prefix` when written `author:sam*`.
    case author([UInt8], prefix: Bool)
    case minFollowers(Int)
    case maxFollowers(Int)
    case verified(Bool)
    case kind(MentionKind)
    case origin(Origin)
}
