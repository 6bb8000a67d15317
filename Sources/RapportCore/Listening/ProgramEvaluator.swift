/// Evaluates compiled rule programs against one bound post.
struct ProgramEvaluator {
    let state: MatchState
    let program: RuleTables
    let fields: [FieldPredicate]

    init(state: MatchState, fields: [FieldPredicate]) {
        self.state = state
        self.program = state.tables
        self.fields = fields
    }

    /// `document` is passed down rather than stored: no copy, no reference counting.
    func evaluate(_ nodeIndex: Int32, _ document: MatchDocument) -> Bool {
        let node = program.nodes[Int(nodeIndex)]
        switch node.operation {
        case .feature:
            return state.isPresent(node.a)
        case .phrase:
            return hasPhrase(start: Int(node.a), count: Int(node.b))
        case .field:
            return FieldEvaluator.evaluate(fields[Int(node.a)], document)
        case .and:
            for child in Int(node.a)..<Int(node.a + node.b) where !evaluate(program.children[child], document) {
                return false
            }
            return true
        case .or:
            for child in Int(node.a)..<Int(node.a + node.b) where evaluate(program.children[child], document) {
                return true
            }
            return false
        case .not:
            return !evaluate(node.a, document)
        }
    }

    /// Consecutive positions, scanning the (few) occurrences of rule features.
    private func hasPhrase(start: Int, count: Int) -> Bool {
        let features = program.phraseFeatures
        for offset in 0..<count where !state.isPresent(features[start + offset]) { return false }
        let occurrences = state.occurrences
        let occurrenceCount = state.occurrenceCount
        let first = features[start]
        for index in 0..<occurrenceCount where occurrences[index].feature == first {
            let position = occurrences[index].position
            var matched = true
            for offset in 1..<count {
                let wanted = position + Int32(offset)
                let feature = features[start + offset]
                var found = false
                var cursor = index + 1
                while cursor < occurrenceCount, occurrences[cursor].position <= wanted {
                    if occurrences[cursor].position == wanted, occurrences[cursor].feature == feature {
                        found = true
                        break
                    }
                    cursor += 1
                }
                if !found {
                    matched = false
                    break
                }
            }
            if matched { return true }
        }
        return false
    }
}
