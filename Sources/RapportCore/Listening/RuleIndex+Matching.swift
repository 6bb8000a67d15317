/// A rule feature found in the post at a token position (for phrases).
struct Occurrence {
    var feature: Int32
    var position: Int32
}

extension RuleIndex {
    /// Ids of the rules `document` matches, in rule order.
    func match(_ document: MatchDocument) -> [Int64] {
        let ruleCount = ids.count
        guard ruleCount > 0 else { return [] }
        // Scratch lives on the stack: no heap traffic per post besides the answer.
        return withUnsafeTemporaryAllocation(
            of: UInt64.self, capacity: (tables.vocabulary.count + 63) / 64 + 1
        ) { present in
            present.initialize(repeating: 0)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ruleCount) { masks in
                masks.initialize(repeating: 0)
                return withUnsafeTemporaryAllocation(of: Int32.self, capacity: ruleCount) { candidates in
                    withUnsafeTemporaryAllocation(of: Occurrence.self, capacity: document.tokens.count + 1) {
                        occurrences in
                        var state = MatchState(
                            tables: tables, present: present, masks: masks, candidates: candidates,
                            occurrences: occurrences)
                        state.bind(document)
                        return state.evaluateCandidates(document, index: self)
                    }
                }
            }
        }
    }
}

/// Per-post scratch state over stack buffers.
struct MatchState {
    let tables: RuleTables
    let present: UnsafeMutableBufferPointer<UInt64>
    let masks: UnsafeMutableBufferPointer<UInt8>
    let candidates: UnsafeMutableBufferPointer<Int32>
    let occurrences: UnsafeMutableBufferPointer<Occurrence>
    var candidateCount = 0
    var occurrenceCount = 0

    init(
        tables: RuleTables, present: UnsafeMutableBufferPointer<UInt64>,
        masks: UnsafeMutableBufferPointer<UInt8>,
        candidates: UnsafeMutableBufferPointer<Int32>,
        occurrences: UnsafeMutableBufferPointer<Occurrence>
    ) {
        self.tables = tables
        self.present = present
        self.masks = masks
        self.candidates = candidates
        self.occurrences = occurrences
    }

    /// Hashes every token to a feature (or drops it) and marks the rules whose groups it satisfies.
    mutating func bind(_ document: MatchDocument) {
        document.bytes.withUnsafeBufferPointer { bytes in
            for token in document.tokens {
                let kind: Vocabulary.Kind =
                    switch token.kind {
                    case .word: .word
                    case .hashtag: .hashtag
                    case .handle: .handle
                    }
                if let feature = lookup(bytes, start: Int(token.start), length: Int(token.length), kind) {
                    occurrences[occurrenceCount] = Occurrence(feature: feature, position: token.position)
                    occurrenceCount += 1
                }
            }
        }
        // Reported hashtags match `#tag`, `tag` and `ta*` (positionless).
        for var tag in document.reportedHashtags {
            tag.withUTF8 { bytes in
                _ = lookup(bytes, start: 0, length: bytes.count, .word)
                _ = lookup(bytes, start: 0, length: bytes.count, .hashtag)
            }
        }
        for var handle in document.reportedHandles {
            handle.withUTF8 { bytes in
                _ = lookup(bytes, start: 0, length: bytes.count, .handle)
            }
        }
    }

    /// Marks the feature of the token (and, for words, of matching wildcards); returns the token's feature.
    private mutating func lookup(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, _ kind: Vocabulary.Kind
    ) -> Int32? {
        let vocabulary = tables.vocabulary
        var hash = Vocabulary.seed
        let prefixLengths = kind == .word ? vocabulary.prefixLengths : 0
        if prefixLengths == 0 {
            for offset in start..<start + length { hash = Vocabulary.step(hash, bytes[offset]) }
        } else {
            for offset in 0..<length {
                hash = Vocabulary.step(hash, bytes[start + offset])
                let prefixLength = offset + 1
                if prefixLength < 64, prefixLengths & (1 << UInt64(prefixLength)) != 0,
                    let wildcard = vocabulary.lookup(hash, .prefix, bytes, start: start, length: prefixLength)
                {
                    mark(wildcard)
                }
            }
        }
        if kind == .word, !vocabulary.longPrefixes.isEmpty {
            for wildcard in vocabulary.longPrefixes {
                let text = vocabulary.text(of: wildcard)
                if text.count <= length, text.elementsEqual(bytes[start..<start + text.count]) {
                    mark(wildcard)
                }
            }
        }
        guard let feature = vocabulary.lookup(hash, kind, bytes, start: start, length: length) else {
            return nil
        }
        mark(feature)
        return feature
    }

    /// Records a feature once and advances the rules that require it.
    @inline(__always)
    private mutating func mark(_ feature: Int32) {
        let word = Int(feature) >> 6
        let bit: UInt64 = 1 << UInt64(feature & 63)
        guard present[word] & bit == 0 else { return }
        present[word] |= bit
        let fullMasks = tables.fullMasks
        let rules = tables.postingRules
        let bits = tables.postingBits
        for posting in Int(tables.postingStart[Int(feature)])..<Int(tables.postingStart[Int(feature) + 1]) {
            let rule = Int(rules[posting])
            let before = masks[rule]
            let after = before | bits[posting]
            masks[rule] = after
            if after == fullMasks[rule], before != after {
                candidates[candidateCount] = Int32(rule)
                candidateCount += 1
            }
        }
    }

    @inline(__always)
    func isPresent(_ feature: Int32) -> Bool {
        present[Int(feature) >> 6] & (1 << UInt64(feature & 63)) != 0
    }

    /// Evaluates the candidates and the always-evaluated rules; the answer is
    /// the only allocation, and only when something matched.
    func evaluateCandidates(_ document: MatchDocument, index: RuleIndex) -> [Int64] {
        let evaluator = ProgramEvaluator(state: self, fields: index.fields)
        let roots = tables.roots
        // Matches overwrite the candidate buffer from its start (never ahead of the read cursor).
        var matchedCount = 0
        for position in 0..<candidateCount {
            let candidate = candidates[position]
            if evaluator.evaluate(roots[Int(candidate)], document) {
                candidates[matchedCount] = candidate
                matchedCount += 1
            }
        }
        let alwaysMatched = tables.alwaysEvaluated.filter { evaluator.evaluate(roots[Int($0)], document) }
        if matchedCount == 0 && alwaysMatched.isEmpty { return [] }
        var matched = Array(candidates[0..<matchedCount]) + alwaysMatched
        matched.sort()
        return matched.map { index.ids[Int($0)] }
    }
}
