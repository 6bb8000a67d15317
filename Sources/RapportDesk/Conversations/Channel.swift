import RapportCore

/// How a conversation reaches the customer; replies go back the same way.
public enum ChannelKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// Public posts, replies and comments (X, Bluesky, Mastodon, Reddit, page comments).
    case publicThread = "public"
    /// Direct messages (Messenger, Instagram and X DMs).
    case directMessage = "dm"
    case email
    /// A web-chat session.
    case chat
    /// Logged phone calls and meetings.
    case logged

    /// The kind a post's channel is, from how the network delivered it.
    public init(network: Network, kind: MentionKind) {
        switch (network, kind) {
        case (.email, _), (_, .email): self = .email
        case (.webchat, _), (_, .chat): self = .chat
        case (_, .directMessage), (.messenger, _): self = .directMessage
        case (.phone, _), (.inPerson, _), (_, .call), (_, .meeting): self = .logged
        default: self = .publicThread
        }
    }
}

/// The network and the way it is used.
public struct Channel: Hashable, Sendable, Codable {
    public var network: Network
    public var kind: ChannelKind

    public init(network: Network, kind: ChannelKind) {
        self.network = network
        self.kind = kind
    }

    public init(network: Network, mentionKind: MentionKind) {
        self.init(network: network, kind: ChannelKind(network: network, kind: mentionKind))
    }
}
