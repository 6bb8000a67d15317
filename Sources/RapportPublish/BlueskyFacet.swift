/// One `app.bsky.richtext.facet`: a range of the post's text, in UTF-8 bytes (start inclusive, end exclusive),
/// and what it is. Bluesky does not find links or mentions in the text itself: a post without facets shows a
/// URL as plain text, so the publisher must send them.
public struct BlueskyFacet: Sendable, Hashable {
    /// What the range is.
    public enum Feature: Sendable, Hashable {
        /// `app.bsky.richtext.facet#link`: the full URI (`https://` added to a bare domain).
        case link(uri: String)
        /// `app.bsky.richtext.facet#mention`: the handle as written. The record needs the account's DID:
        /// the publisher resolves it (`com.atproto.identity.resolveHandle`) and drops the facet when it
        /// cannot, as the official client does.
        case mention(handle: String)
    }

    /// `index.byteStart`: the first UTF-8 byte.
    public var byteStart: Int
    /// `index.byteEnd`: one past the last UTF-8 byte.
    public var byteEnd: Int
    /// The feature.
    public var feature: Feature

    /// Creates a facet.
    public init(byteStart: Int, byteEnd: Int, feature: Feature) {
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.feature = feature
    }
}
