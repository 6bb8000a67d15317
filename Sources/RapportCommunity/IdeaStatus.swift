/// Where an idea stands, set by a moderator with an official response (Fider's statuses; "shipped" for
/// Fider's "completed").
public enum IdeaStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case open, planned, started, shipped, declined, duplicate

    /// Whether members can still vote: a declined or duplicate idea is closed (a duplicate's votes moved to
    /// its original).
    public var acceptsVotes: Bool {
        switch self {
        case .open, .planned, .started: true
        case .shipped, .declined, .duplicate: false
        }
    }

    /// The words shown on pages and in the voters' email.
    public var label: String {
        switch self {
        case .open: "Open"
        case .planned: "Planned"
        case .started: "Started"
        case .shipped: "Shipped"
        case .declined: "Declined"
        case .duplicate: "Duplicate"
        }
    }
}
