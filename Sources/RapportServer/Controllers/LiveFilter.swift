import RapportAnalysis
import RapportCore
import RapportStore

/// The subset of mention filters that can be checked on a live mention without the database.
enum LiveFilter {
    static func accepts(_ m: Mention, _ f: MentionFilter) -> Bool {
        if let rule = f.ruleID, !m.matchedRuleIDs.contains(rule) { return false }
        if let network = f.network, m.post.network != network { return false }
        if let level = f.level, m.analysis?.level != level { return false }
        if let minLevel = f.minLevel, (m.analysis?.level ?? .relevant) < minLevel { return false }
        if let sentiment = f.sentiment, m.analysis?.sentiment.label != sentiment { return false }
        if let intent = f.intent, !(m.analysis?.intents.contains { $0.name == intent } ?? false) { return false }
        if let minInfluence = f.minInfluence, (m.analysis?.influence ?? 0) < minInfluence { return false }
        if let origin = f.origin, m.post.origin != origin { return false }
        return true
    }
}
