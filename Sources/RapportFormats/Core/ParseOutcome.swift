import RapportCore

/// What parsing a whole document produced.
///
/// A document with some bad items still yields the good ones: each bad item adds one
/// ``ItemFailure`` and parsing goes on. Events that are valid but are not posts
/// (deliveries, reads, deletes, identity updates…) only increase ``skipped``.
public struct ParseOutcome: Sendable, Hashable {
    public var posts: [IncomingPost]
    public var failures: [ItemFailure]
    /// Valid events that carry no post (keep-alive blank lines are not counted).
    public var skipped: Int
    /// Bluesky DID → handle pairs learnt from Jetstream `identity` events.
    public var blueskyHandles: [String: String]

    public init(
        posts: [IncomingPost] = [], failures: [ItemFailure] = [], skipped: Int = 0,
        blueskyHandles: [String: String] = [:]
    ) {
        self.posts = posts
        self.failures = failures
        self.skipped = skipped
        self.blueskyHandles = blueskyHandles
    }
}

/// One item of a document that could not be used.
public struct ItemFailure: Sendable, Hashable, CustomStringConvertible {
    public var location: Location
    public var error: FormatError

    public init(location: Location, error: FormatError) {
        self.location = location
        self.error = error
    }

    /// Where the bad item sits. Both numbers are 1-based, as people count.
    public enum Location: Sendable, Hashable, CustomStringConvertible {
        /// Line number in a line-delimited (NDJSON) document.
        case line(Int)
        /// Position of the item in a document holding several (array element, webhook
        /// entry/change/message in document order, feed item, mbox message).
        case item(Int)

        public var description: String {
            switch self {
            case .line(let n): "line \(n)"
            case .item(let n): "item \(n)"
            }
        }
    }

    public var description: String { "\(location): \(error)" }
}

/// What one NDJSON line produced.
public enum LineResult: Sendable, Hashable {
    case post(IncomingPost)
    /// A valid event that is not a post (delete, identity, account, stream error notice…).
    case skipped
    /// An empty or whitespace-only line (stream keep-alive).
    case blank
}
