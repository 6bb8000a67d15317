/// All rules' syntax trees flattened into arrays of small nodes over
/// vocabulary features, so evaluation walks contiguous memory without
/// reference counting.
struct RuleProgram: Sendable {
    enum Operation: UInt8, Sendable {
        /// `a`: a feature id present in the post.
        case feature
        /// `a`, `b`: start and length of the phrase's features in `phraseFeatures`.
        case phrase
        /// `a`: index in `fields`.
        case field
        /// `a`, `b`: start and count of child node indices in `children`.
        case and
        case or
        /// `a`: the child node index.
        case not
    }

    struct Node: Sendable {
        var operation: Operation
        var a: Int32
        var b: Int32
    }

    var nodes: [Node] = []
    var children: [Int32] = []
    var phraseFeatures: [Int32] = []
    var fields: [FieldPredicate] = []

    /// Appends `node` and returns the index of its root.
    mutating func compile(_ node: QueryNode, vocabulary: inout Vocabulary) -> Int32 {
        switch node {
        case .word(let text): return append(.feature, vocabulary.intern(.word, text))
        case .prefix(let text): return append(.feature, vocabulary.intern(.prefix, text))
        case .hashtag(let text): return append(.feature, vocabulary.intern(.hashtag, text))
        case .handle(let text): return append(.feature, vocabulary.intern(.handle, text))
        case .phrase(let elements):
            let start = Int32(phraseFeatures.count)
            for element in elements {
                phraseFeatures.append(vocabulary.intern(Vocabulary.Kind(element.kind), element.text))
            }
            return append(.phrase, start, Int32(elements.count))
        case .field(let predicate):
            fields.append(predicate)
            return append(.field, Int32(fields.count - 1))
        case .and(let nodes), .or(let nodes):
            let compiled = nodes.map { compile($0, vocabulary: &vocabulary) }
            let start = Int32(children.count)
            children.append(contentsOf: compiled)
            let operation: Operation = if case .and = node { .and } else { .or }
            return append(operation, start, Int32(compiled.count))
        case .not(let child):
            return append(.not, compile(child, vocabulary: &vocabulary))
        }
    }

    private mutating func append(_ operation: Operation, _ a: Int32, _ b: Int32 = 0) -> Int32 {
        nodes.append(Node(operation: operation, a: a, b: b))
        return Int32(nodes.count - 1)
    }
}
