import Foundation

/// One delivery of the simulated stream: a raw platform payload plus what the simulator knows about it.
public struct SimulatedEvent: Sendable {
    /// Payload format: "x", "meta", "bluesky", "reddit", "mastodon", "email", "webchat" or "rss".
    public var format: String
    /// The raw payload in the platform's shape: one NDJSON line (no trailing newline) for x and bluesky, a JSON
    /// document for meta, reddit, mastodon and webchat, RFC 5322 text for email, an RSS 2.0 document for rss.
    public var payload: String
    /// When the event is delivered in simulated time (events come in non-decreasing order of this).
    public var timestamp: Date
    /// The labels to score analysis against.
    public var truth: GroundTruth

    /// Creates an event.
    public init(format: String, payload: String, timestamp: Date, truth: GroundTruth) {
        self.format = format
        self.payload = payload
        self.timestamp = timestamp
        self.truth = truth
    }
}
