import Foundation
import RapportAnalysis
import RapportCore

/// One test in a routing rule. A rule matches when all its conditions hold.
public indirect enum RoutingCondition: Hashable, Sendable, Codable {
    case network(Set<Network>)
    case channelKind(Set<ChannelKind>)
    /// The message matched at least one of these listening rules.
    case listeningRule(Set<Int64>)
    /// The analysed language is one of these (unknown never matches).
    case language(Set<String>)
    /// One of these intents was detected with at least this confidence.
    case intent(Set<Intent.Name>, minimumConfidence: Double)
    case level(atLeast: Level)
    case sentiment(Sentiment.Label)
    case influence(ClosedRange<Int>)
    case customerFact(String, FactPredicate)
    /// Any of these words or phrases appears (case-insensitive, whole words).
    case keywords([String])
    case any([RoutingCondition])
    case not(RoutingCondition)

    public func matches(_ subject: RoutingSubject) -> Bool {
        switch self {
        case .network(let networks):
            return networks.contains(subject.network)
        case .channelKind(let kinds):
            return kinds.contains(ChannelKind(network: subject.network, kind: subject.kind))
        case .listeningRule(let ids):
            return subject.matchedListeningRuleIDs.contains(where: ids.contains)
        case .language(let languages):
            return subject.language.map { languages.contains($0) } ?? false
        case .intent(let names, let minimum):
            return subject.analysis?.intents.contains { names.contains($0.name) && $0.confidence >= minimum } ?? false
        case .level(let minimum):
            return subject.analysis.map { $0.level >= minimum } ?? false
        case .sentiment(let label):
            return subject.analysis?.sentiment.label == label
        case .influence(let range):
            return subject.analysis.map { range.contains($0.influence) } ?? false
        case .customerFact(let key, let predicate):
            return predicate.matches(subject.customerFacts[key])
        case .keywords(let keywords):
            return Self.containsKeyword(keywords, in: subject)
        case .any(let conditions):
            return conditions.contains { $0.matches(subject) }
        case .not(let condition):
            return !condition.matches(subject)
        }
    }

    private static func containsKeyword(_ keywords: [String], in subject: RoutingSubject) -> Bool {
        let words = subject.words
        let text = " " + subject.text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ") + " "
        for keyword in keywords {
            let parts = keyword.lowercased().split { !$0.isLetter && !$0.isNumber }
            if parts.count == 1, words.contains(parts[0]) { return true }
            // Phrases: whole-word match on the text with punctuation folded to spaces.
            if parts.count > 1, text.contains(" " + parts.joined(separator: " ") + " ") { return true }
        }
        return false
    }
}
