/// A place where people talk to or about a brand.
public enum Network: String, Codable, Sendable, CaseIterable, Hashable {
    case x
    case facebook
    case messenger
    case instagram
    case mastodon
    case bluesky
    case reddit
    /// RSS / Atom feeds: blogs, review sites, news, forums.
    case feed
    case email
    case webchat
    case phone
    case inPerson = "in_person"
}

/// How a post reached Rapport, which decides whether it is always kept.
public enum Origin: String, Codable, Sendable, Hashable {
    /// The brand's own channels (DMs, comments on its pages, emails, web chat,
    /// logged interactions): always kept.
    case owned
    /// Public streams (X filtered stream, Jetstream, Reddit, feeds): kept only
    /// when at least one listening rule matches.
    case publicStream = "public"
}

/// What kind of message a mention is on its network.
public enum MentionKind: String, Codable, Sendable, Hashable {
    case post
    case reply
    case comment
    case directMessage = "dm"
    case email
    case chat
    case article
    case call
    case meeting
}
