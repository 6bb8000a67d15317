/// One named group of observations, e.g. the later 90-day spend of customers who answered as promoters.
public struct CohortSample: Sendable, Hashable, Codable {
    /// Group name (shown on dashboards; escape it when rendering).
    public var name: String
    /// One value per member: an amount, or 1/0 for a rate (retained or not).
    public var values: [Double]

    /// Creates a sample.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// A 0/1 sample from booleans (true = 1), for rates such as retention.
    public init(name: String, outcomes: [Bool]) {
        self.init(name: name, values: outcomes.map { $0 ? 1 : 0 })
    }
}
