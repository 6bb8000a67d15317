/// The network a reply goes out on: always the channel the customer wrote in.
public enum OutboundChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case x
    case facebook
    case instagram
    case messenger
    case mastodon
    case bluesky
    case email
    case webchat
}
