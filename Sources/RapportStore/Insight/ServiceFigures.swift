import Foundation

/// The raw service figures of conversations opened in a period, for the dashboard's service panel.
public struct ServiceFigures: Sendable, Hashable, Codable {
    /// Conversations opened in the period.
    public var conversations: Int
    /// Of those, how many got a first response from the team.
    public var responded: Int
    /// Seconds from opening to first response, for those responded to.
    public var firstResponseSeconds: [Double]
    /// Seconds from opening to resolution, for those resolved.
    public var resolutionSeconds: [Double]
    /// Conversations with an SLA deadline.
    public var withSLA: Int
    /// Of those, how many missed it: not answered (or resolved) before it, or still unanswered past it.
    public var slaBreached: Int
    /// Conversations not resolved or closed now, by age: "< 1 h", "1–4 h", "4–24 h", "1–3 d", "> 3 d".
    public var backlogByAge: [String: Int]

    public static let ageBands: [(name: String, upTo: TimeInterval)] = [
        ("< 1 h", 3_600), ("1–4 h", 4 * 3_600), ("4–24 h", 86_400), ("1–3 d", 3 * 86_400), ("> 3 d", .infinity),
    ]
}
