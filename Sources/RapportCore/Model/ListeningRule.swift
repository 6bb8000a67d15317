/// A saved boolean query that decides which public posts matter to a brand.
public struct ListeningRule: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    /// The brand this rule listens for (`acme`), shared by a brand's rules.
    public var brand: String
    /// True when the rule tracks a competitor (for share of voice).
    public var isCompetitor: Bool
    /// Source text in Rapport's query language.
    public var query: String
    public var enabled: Bool

    public init(id: Int64, name: String, brand: String, isCompetitor: Bool = false, query: String, enabled: Bool = true)
    {
        self.id = id
        self.name = name
        self.brand = brand
        self.isCompetitor = isCompetitor
        self.query = query
        self.enabled = enabled
    }
}
