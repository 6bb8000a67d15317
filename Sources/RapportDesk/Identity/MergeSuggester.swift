import Foundation

/// Scores how likely two customers are the same person, from weak evidence only.
///
/// Weights (summed, capped at 0.95): same display name 0.35, similar display name 0.2, same handle
/// stem on two identities 0.4, similar stems (≥ 0.75 similarity) 0.3 × similarity. The default
/// threshold 0.5 needs a name and a handle to agree, or two handles.
public enum MergeSuggester {
    public static let defaultThreshold = 0.5

    public static func score(_ a: Customer, _ b: Customer) -> (score: Double, reasons: [MatchReason]) {
        var score = 0.0
        var reasons: [MatchReason] = []
        if let nameA = a.displayName.map(foldName), let nameB = b.displayName.map(foldName), !nameA.isEmpty {
            if nameA == nameB {
                score += 0.35
                reasons.append(.sameDisplayName(a.displayName!))
            } else {
                let wordsA = nameA.split(separator: " ")
                let wordsB = nameB.split(separator: " ")
                if wordsA.count > 1, wordsB.count > 1, wordsA.first == wordsB.first, wordsA.last == wordsB.last {
                    score += 0.2
                    reasons.append(.similarDisplayName(a.displayName!, b.displayName!))
                }
            }
        }
        var best: (Double, Identity, Identity)?
        for x in a.identities.map(\.identity) where x.kind.isHandle || x.kind == .email {
            for y in b.identities.map(\.identity) where y.kind.isHandle || y.kind == .email {
                let stemX = x.handleStem
                let stemY = y.handleStem
                guard stemX.count >= 3, stemY.count >= 3 else { continue }
                let similarity = similarity(stemX, stemY)
                if best == nil || similarity > best!.0 { best = (similarity, x, y) }
            }
        }
        if let (similarity, x, y) = best {
            if similarity == 1 {
                score += 0.4
                reasons.append(.sameHandle(x, y))
            } else if similarity >= 0.75 {
                score += 0.3 * similarity
                reasons.append(.similarHandles(x, y, similarity: similarity))
            }
        }
        return (min(score, 0.95), reasons)
    }

    /// Candidates scoring at least `threshold`, best first. Merged-away customers are skipped.
    public static func suggestions(
        for customer: Customer, among candidates: [Customer], threshold: Double = defaultThreshold
    ) -> [MergeSuggestion] {
        candidates.compactMap { candidate -> MergeSuggestion? in
            guard candidate.id != customer.id, candidate.mergedInto == nil else { return nil }
            let (score, reasons) = score(customer, candidate)
            guard score >= threshold else { return nil }
            return MergeSuggestion(customer: customer.id, candidate: candidate.id, score: score, reasons: reasons)
        }
        .sorted { $0.score != $1.score ? $0.score > $1.score : $0.candidate < $1.candidate }
    }

    /// Lowercased, accents removed, single spaces.
    static func foldName(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// 1 − Levenshtein distance / longer length.
    static func similarity(_ a: String, _ b: String) -> Double {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        let distance = a.isEmpty ? b.count : previous[b.count]
        return 1 - Double(distance) / Double(max(a.count, b.count))
    }
}
