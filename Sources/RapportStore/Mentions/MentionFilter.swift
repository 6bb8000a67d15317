import Foundation
import RapportAnalysis
import RapportCore

/// What `GET /api/v1/mentions` and the CLI can filter on. Every field is optional.
public struct MentionFilter: Sendable, Hashable {
    public var ruleID: Int64?
    public var network: Network?
    public var since: Date?
    public var until: Date?
    /// Author handle (case-insensitive, without `@`).
    public var author: String?
    public var text: FullTextQuery?
    public var sentiment: Sentiment.Label?
    public var intent: Intent.Name?
    public var language: String?
    public var level: Level?
    /// Mentions at this level or above.
    public var minLevel: Level?
    public var minInfluence: Int?
    public var origin: Origin?

    public init(
        ruleID: Int64? = nil, network: Network? = nil, since: Date? = nil, until: Date? = nil, author: String? = nil,
        text: FullTextQuery? = nil, sentiment: Sentiment.Label? = nil, intent: Intent.Name? = nil,
        language: String? = nil, level: Level? = nil, minLevel: Level? = nil, minInfluence: Int? = nil,
        origin: Origin? = nil
    ) {
        self.ruleID = ruleID
        self.network = network
        self.since = since
        self.until = until
        self.author = author
        self.text = text
        self.sentiment = sentiment
        self.intent = intent
        self.language = language
        self.level = level
        self.minLevel = minLevel
        self.minInfluence = minInfluence
        self.origin = origin
    }

    func predicates(_ dialect: Dialect) -> [SQLFragment] {
        var p: [SQLFragment] = []
        if let ruleID {
            p.append(SQLFragment("m.id IN (SELECT mention_id FROM mention_rules WHERE rule_id = ?)", [ruleID]))
        }
        if let network { p.append(SQLFragment("m.network = ?", [network.rawValue])) }
        if let since { p.append(SQLFragment("m.created_ms >= ?", [since.millisecondsSince1970])) }
        if let until { p.append(SQLFragment("m.created_ms < ?", [until.millisecondsSince1970])) }
        if let author {
            let handle = author.hasPrefix("@") ? String(author.dropFirst()) : author
            p.append(SQLFragment("lower(a.handle) = ?", [handle.lowercased()]))
        }
        if let text { p.append(dialect.fullTextPredicate(text)) }
        if let sentiment { p.append(SQLFragment("m.sentiment = ?", [sentiment.rawValue])) }
        if let intent { p.append(SQLFragment("m.intents LIKE ?", ["%,\(intent.rawValue),%"])) }
        if let language {
            p.append(SQLFragment("coalesce(m.language, m.analysis_language) = ?", [language.lowercased()]))
        }
        if let level { p.append(SQLFragment("m.level = ?", [level.rawValue])) }
        if let minLevel {
            let levels = Level.allCases.filter { $0 >= minLevel }.map(\.rawValue)
            p.append(
                SQLFragment(
                    "m.level IN (" + SQLFragment.placeholders(levels.count) + ")",
                    levels.map { $0 as any Encodable & Sendable }))
        }
        if let minInfluence { p.append(SQLFragment("m.influence >= ?", [minInfluence])) }
        if let origin { p.append(SQLFragment("m.origin = ?", [origin.rawValue])) }
        return p
    }
}
