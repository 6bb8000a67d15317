/// Every payload shape Rapport can parse. Raw values are the names used on the command
/// line (`rapport ingest --format x`) and in URLs (`POST /api/v1/ingest/x`).
public enum PayloadFormat: String, CaseIterable, Sendable, Hashable {
    /// X API v2 filtered stream, one JSON object per line.
    case x
    /// Meta Graph webhook body (Page feed, Messenger, Instagram).
    case meta
    /// Mastodon `Status` entity, or an array of them.
    case mastodon
    /// Bluesky Jetstream events, one JSON object per line.
    case bluesky
    /// Reddit `Listing` (or an array of listings) of `t1` comments and `t3` posts.
    case reddit
    /// RSS 2.0 document.
    case rss
    /// Atom 1.0 document.
    case atom
    /// RSS or Atom, detected from the root element.
    case feed
    /// One RFC 5322 / MIME message (.eml).
    case email
    /// An mbox file: messages separated by `From ` lines.
    case mbox
    /// Rapport web-chat message JSON (object or array). See docs/formats.md.
    case webchat
    /// Rapport agent-logged phone / in-person interaction JSON (object or array).
    case interaction
    /// Rapport's normalised post JSON, one object per line (or a JSON array).
    case rapport

    /// True when the format is newline-delimited JSON: files can be streamed line by line
    /// with ``PayloadParser/parseLine(_:_:lineNumber:context:receivedAt:)``.
    public var isLineDelimited: Bool {
        switch self {
        case .x, .bluesky, .rapport: true
        default: false
        }
    }

    /// True for formats that are XML documents.
    public var isXML: Bool {
        switch self {
        case .rss, .atom, .feed: true
        default: false
        }
    }

    /// A typical media type for HTTP bodies of this format.
    public var mediaType: String {
        switch self {
        case .x, .bluesky, .rapport: "application/x-ndjson"
        case .meta, .mastodon, .reddit, .webchat, .interaction: "application/json"
        case .rss: "application/rss+xml"
        case .atom: "application/atom+xml"
        case .feed: "application/xml"
        case .email: "message/rfc822"
        case .mbox: "application/mbox"
        }
    }

    /// Parses a name as typed by a user; case-insensitive, with a few aliases
    /// (`twitter`, `jetstream`, `eml`, `chat`). Returns nil for unknown names.
    public init?(name: String) {
        let lower = name.lowercased()
        if let format = PayloadFormat(rawValue: lower) {
            self = format
            return
        }
        switch lower {
        case "twitter": self = .x
        case "facebook", "instagram", "messenger": self = .meta
        case "jetstream", "bsky": self = .bluesky
        case "eml": self = .email
        case "chat", "web-chat": self = .webchat
        default: return nil
        }
    }
}
