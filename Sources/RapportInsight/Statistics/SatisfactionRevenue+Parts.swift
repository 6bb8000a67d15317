import Foundation

extension SatisfactionRevenue {
    /// One answer (or one engagement) of a customer: a driver value at a time.
    public struct Observation: Sendable, Hashable {
        public var customerID: Int64
        public var at: Date
        public var value: Double
        public init(customerID: Int64, at: Date, value: Double) {
            self.customerID = customerID
            self.at = at
            self.value = value
        }
    }

    /// One order's amount at a time.
    public struct Purchase: Sendable, Hashable {
        public var customerID: Int64
        public var at: Date
        public var amount: Double
        public init(customerID: Int64, at: Date, amount: Double) {
            self.customerID = customerID
            self.at = at
            self.amount = amount
        }
    }

    /// A figure, or why it is not stated.
    public struct Finding<Value: Sendable & Codable>: Sendable, Codable {
        public var value: Value?
        public var refusal: String?
    }

    /// Spend and retention by cohort of one driver.
    public struct DriverCohorts: Sendable, Codable {
        public var driver: String
        public var customers: Int
        public var spend: Finding<CohortComparison>
        public var retention: Finding<CohortComparison>
    }

    /// Later spend regressed on a driver, also as a percentage of the mean spend.
    public struct SpendSlope: Sendable, Codable {
        public var driver: String
        public var regression: LinearRegression
        public var meanSpend: Double
        /// slope / mean spend × 100, with the slope's interval mapped the same way.
        public var percentPerPoint: Double
        public var percentPerPointInterval: ConfidenceInterval
    }

    /// The brand's own "+5 % satisfaction ≈ X % spend".
    public struct Elasticity: Sendable, Codable {
        public var estimate: ElasticityEstimate
        public var fivePercent: EffectEstimate
        /// Customers in the fit (spenders) and left out (no spend in the window: a log needs a positive value).
        public var spenders: Int
        public var nonSpenders: Int
    }
}
