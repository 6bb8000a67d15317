/// A compiled listening query: parse once with `compile(_:)`, then test any
/// number of posts with `matches(_:)`.
///
/// To test many queries against a fire hose, put them in a `RuleMatcher`,
/// which shares tokenisation and skips the rules a post cannot match.
public struct ListeningQuery: Sendable, Hashable, CustomStringConvertible {
    /// The query as written.
    public let source: String
    let root: QueryNode

    /// Compiles `source`, or throws an error that points at the mistake.
    public static func compile(_ source: String) throws(QuerySyntaxError) -> ListeningQuery {
        var parser = try QueryParser(source: source)
        return ListeningQuery(source: source, root: try parser.parse())
    }

    /// True when the post matches the query.
    ///
    /// This walks the syntax tree directly and is the reference semantics;
    /// `RuleMatcher` evaluates the same trees through a vocabulary and an index.
    public func matches(_ document: MatchDocument) -> Bool {
        ReferenceEvaluator(document: document).evaluate(root)
    }

    /// Convenience for `matches(MatchDocument(post:))`.
    public func matches(_ post: IncomingPost) -> Bool {
        matches(MatchDocument(post: post))
    }

    /// The query fully parenthesised and folded, showing how it was understood:
    /// `acme OR globex -spam` → `(acme OR (globex AND NOT spam))`.
    public var normalized: String { QueryPrinter.print(root) }

    /// Same as `normalized`.
    public var description: String { normalized }
}
