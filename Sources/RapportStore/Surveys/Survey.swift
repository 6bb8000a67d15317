import Foundation

/// CSAT (1–5, "how did we do?") or NPS (0–10, "how likely are you to recommend us?").
public enum SurveyKind: String, Sendable, Codable, CaseIterable {
    case csat
    case nps

    public var scores: ClosedRange<Int> { self == .csat ? 1...5 : 0...10 }

    /// Happy enough to be asked to share: CSAT 5, NPS 9–10.
    public func isPromoter(_ score: Int) -> Bool { self == .csat ? score >= 5 : score >= 9 }

    /// Unhappy enough that someone should follow up: CSAT 1–2, NPS 0–6.
    public func isDetractor(_ score: Int) -> Bool { self == .csat ? score <= 2 : score <= 6 }
}

/// One survey sent to a customer, and its answer once given.
public struct Survey: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var kind: SurveyKind
    public var customerID: Int64
    public var customerName: String
    public var conversationID: Int64?
    public var network: String
    public var createdAt: Date
    public var expiresAt: Date
    public var answeredAt: Date?
    public var score: Int?
    public var comment: String?
    public var sharedOn: [String]
    public var followupConversationID: Int64?
}

/// What answering a survey did.
public enum SurveyAnswer: Sendable, Hashable {
    case answered(Survey)
    case alreadyAnswered(Survey)
    case expired
    case notFound
    case invalidScore(ClosedRange<Int>)
}
