import Foundation
import RapportInsight

/// The service figures of conversations opened in a period, for the dashboard's service panel: overall, per
/// team and per agent, summed from the service rollups (``DerivedRollup/conversations``).
public struct ServiceFigures: Sendable, Hashable, Codable {
    /// What is counted for one group of conversations.
    public struct Totals: Sendable, Hashable, Codable {
        /// Conversations opened in the period.
        public var conversations = 0
        /// Of those, how many got a first response from the team.
        public var responded = 0
        /// Of those, how many are resolved.
        public var resolved = 0
        /// Seconds from opening to first response, of those responded to.
        public var firstResponse = DurationHistogram()
        /// Seconds from opening to resolution, of those resolved.
        public var resolution = DurationHistogram()
        /// Conversations with an SLA deadline.
        public var withSLA = 0
        /// Of those, how many missed it: answered (or resolved) after it, or still unanswered past it.
        public var slaBreached = 0

        public init() {}

        mutating func add(_ other: Totals) {
            conversations += other.conversations
            responded += other.responded
            resolved += other.resolved
            firstResponse.add(other.firstResponse)
            resolution.add(other.resolution)
            withSLA += other.withSLA
            slaBreached += other.slaBreached
        }
    }

    /// The totals of one team or agent.
    public struct Group: Sendable, Hashable, Codable {
        /// The team's or agent's name ("no team", "unassigned" for none).
        public var name: String
        /// Nil for conversations without a team or agent.
        public var id: Int64?
        public var totals: Totals
    }

    public var overall = Totals()
    /// Largest first.
    public var byTeam: [Group] = []
    /// Largest first.
    public var byAgent: [Group] = []
    /// Conversations not resolved or closed now, by age: "< 1 h", "1–4 h", "4–24 h", "1–3 d", "> 3 d".
    public var backlogByAge: [String: Int] = [:]

    public init() {}

    public static let ageBands: [(name: String, upTo: TimeInterval)] = [
        ("< 1 h", 3_600), ("1–4 h", 4 * 3_600), ("4–24 h", 86_400), ("1–3 d", 3 * 86_400), ("> 3 d", .infinity),
    ]
}
