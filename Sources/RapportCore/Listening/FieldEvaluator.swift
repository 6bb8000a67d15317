/// Field filters, shared by the reference evaluator and the rule matcher.
enum FieldEvaluator {
    /// Missing metadata never matches a positive filter (`lang:en` on a post
    /// without a language is false), so `NOT lang:en` keeps such posts.
    static func evaluate(_ predicate: FieldPredicate, _ document: MatchDocument) -> Bool {
        switch predicate {
        case .language(let code): document.language == code
        case .network(let network): document.network == network
        case .author(let handle, let prefix):
            document.authorHandle.map { prefix ? $0.utf8.starts(with: handle) : $0.utf8.elementsEqual(handle) } ?? false
        case .minFollowers(let count): document.followers.map { $0 >= count } ?? false
        case .maxFollowers(let count): document.followers.map { $0 <= count } ?? false
        case .verified(let verified): document.verified == verified
        case .kind(let kind): document.kind == kind
        case .origin(let origin): document.origin == origin
        }
    }
}
