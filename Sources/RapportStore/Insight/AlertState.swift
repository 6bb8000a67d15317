/// Where a person is with an alert: the desk's workflow, beside the detector's own open/closed episode.
public enum AlertState: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case acknowledged
    case resolved
}
