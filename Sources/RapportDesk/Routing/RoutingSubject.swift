import Foundation
import RapportAnalysis
import RapportCore

/// What routing rules look at: the message, its analysis and the customer's facts.
public struct RoutingSubject: Hashable, Sendable {
    public var network: Network
    public var kind: MentionKind
    public var matchedListeningRuleIDs: [Int64]
    public var text: String
    public var analysis: PostAnalysis?
    public var customerFacts: [String: FactValue]

    public init(
        network: Network, kind: MentionKind, matchedListeningRuleIDs: [Int64] = [], text: String,
        analysis: PostAnalysis? = nil, customerFacts: [String: FactValue] = [:]
    ) {
        self.network = network
        self.kind = kind
        self.matchedListeningRuleIDs = matchedListeningRuleIDs
        self.text = text
        self.analysis = analysis
        self.customerFacts = customerFacts
    }

    public init(mention: Mention, customerFacts: [String: FactValue] = [:]) {
        self.init(
            network: mention.post.network, kind: mention.post.kind, matchedListeningRuleIDs: mention.matchedRuleIDs,
            text: [mention.post.title, mention.post.text].compactMap { $0 }.joined(separator: "\n"),
            analysis: mention.analysis, customerFacts: customerFacts)
    }

    /// The analysed language, else nil (`und` counts as unknown).
    public var language: String? {
        guard let language = analysis?.language, language != "und" else { return nil }
        return language
    }

    /// Lowercased words, for keyword conditions.
    var words: Set<Substring> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" })
    }
}
