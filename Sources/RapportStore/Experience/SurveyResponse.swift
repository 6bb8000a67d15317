import Foundation

/// One answered survey with who handled the case: what experience dashboards count.
public struct SurveyResponse: Sendable, Hashable, Codable {
    public var id: Int64
    public var kind: SurveyKind
    public var score: Int
    public var answeredAt: Date
    public var customerID: Int64
    public var customerName: String
    public var conversationID: Int64?
    public var network: String
    public var teamID: Int64?
    public var teamName: String?
    public var agentID: Int64?
    public var agentName: String?
    public var comment: String?
}

/// Which answered surveys to read: answered in [start, end), optionally one kind, team, agent or network.
public struct SurveyResponseFilter: Sendable, Hashable {
    public var start: Date
    public var end: Date
    public var kind: SurveyKind?
    public var teamID: Int64?
    public var agentID: Int64?
    public var network: String?
    /// Only scores in this range (e.g. 9...10 for NPS promoters).
    public var scores: ClosedRange<Int>?

    public init(
        start: Date, end: Date, kind: SurveyKind? = nil, teamID: Int64? = nil, agentID: Int64? = nil,
        network: String? = nil, scores: ClosedRange<Int>? = nil
    ) {
        self.start = start
        self.end = end
        self.kind = kind
        self.teamID = teamID
        self.agentID = agentID
        self.network = network
        self.scores = scores
    }
}

/// A conversation's customer messages with a sentiment score, and when the first agent reply went out.
public struct ConversationSentimentTrace: Sendable, Hashable {
    public var conversationID: Int64
    public var customerID: Int64
    public var teamID: Int64?
    public var firstAgentReplyAt: Date?
    /// (time, score −1…1) of the customer's messages, oldest first.
    public var customerMessages: [(at: Date, score: Double)]

    public static func == (a: Self, b: Self) -> Bool {
        a.conversationID == b.conversationID && a.firstAgentReplyAt == b.firstAgentReplyAt
            && a.customerMessages.map(\.score) == b.customerMessages.map(\.score)
            && a.customerMessages.map(\.at) == b.customerMessages.map(\.at)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(conversationID) }
}
