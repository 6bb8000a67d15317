/// A network Rapport can publish to. The raw value is the name the API and the database use.
public enum PublishNetwork: String, Sendable, Hashable, CaseIterable, Codable {
    case x
    case bluesky
    case mastodon
    case facebook
    case instagram
}
