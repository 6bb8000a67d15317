/// Evaluates a syntax tree against a document by comparing bytes: simple,
/// obviously right, and the yardstick the indexed `RuleMatcher` is tested against.
struct ReferenceEvaluator {
    let document: MatchDocument

    func evaluate(_ node: QueryNode) -> Bool {
        switch node {
        case .word(let text):
            return hasToken(.word, text) || document.reportedHashtags.contains { $0.utf8.elementsEqual(text) }
        case .prefix(let text):
            return document.tokens.contains {
                $0.kind == .word && document.bytes(of: $0).starts(with: text)
            }
                || document.reportedHashtags.contains { $0.utf8.starts(with: text) }
        case .hashtag(let text):
            return hasToken(.hashtag, text) || document.reportedHashtags.contains { $0.utf8.elementsEqual(text) }
        case .handle(let text):
            return hasToken(.handle, text) || document.reportedHandles.contains { $0.utf8.elementsEqual(text) }
        case .phrase(let elements):
            return hasPhrase(elements)
        case .field(let predicate):
            return FieldEvaluator.evaluate(predicate, document)
        case .and(let children):
            return children.allSatisfy(evaluate)
        case .or(let children):
            return children.contains(where: evaluate)
        case .not(let child):
            return !evaluate(child)
        }
    }

    private func hasToken(_ kind: TokenKind, _ text: [UInt8]) -> Bool {
        document.tokens.contains { $0.kind == kind && document.bytes(of: $0).elementsEqual(text) }
    }

    private func hasToken(_ kind: TokenKind, _ text: [UInt8], at position: Int32) -> Bool {
        document.tokens.contains {
            $0.position == position && $0.kind == kind && document.bytes(of: $0).elementsEqual(text)
        }
    }

    private func hasPhrase(_ elements: [PhraseElement]) -> Bool {
        document.tokens.contains { start in
            elements.enumerated().allSatisfy { index, element in
                hasToken(element.kind, element.text, at: start.position + Int32(index))
            }
        }
    }
}
