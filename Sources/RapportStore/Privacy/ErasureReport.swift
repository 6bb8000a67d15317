/// What an erase changed: counts only (the report is returned, logged and audited, so it names nobody).
public struct ErasureReport: Sendable, Codable, Hashable {
    public var customerID: Int64
    /// True when the customer had been erased before: nothing was changed this time.
    public var alreadyErased: Bool
    public var profiles: Int
    public var identities: Int
    public var conversations: Int
    public var messages: Int
    public var mentions: Int
    public var authors: Int
    public var surveys: Int
    public var orders: Int
    public var merges: Int
    public var outboxItems: Int
    public var alerts: Int

    init(customerID: Int64, alreadyErased: Bool) {
        self.customerID = customerID
        self.alreadyErased = alreadyErased
        profiles = 0
        identities = 0
        conversations = 0
        messages = 0
        mentions = 0
        authors = 0
        surveys = 0
        orders = 0
        merges = 0
        outboxItems = 0
        alerts = 0
    }

    /// `conversations 3, messages 12, …` for the audit log.
    public var summary: String {
        [
            ("profiles", profiles), ("identities", identities), ("conversations", conversations),
            ("messages", messages), ("mentions", mentions), ("authors", authors), ("surveys", surveys),
            ("orders", orders), ("merges", merges), ("outbox", outboxItems), ("alerts", alerts),
        ].map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}
