/// An AT Protocol strong reference (`com.atproto.repo.strongRef`): the record's `at://` URI and the CID of
/// the exact version answered.
public struct BlueskyPostRef: Sendable, Hashable, Codable {
    public var uri: String
    public var cid: String

    public init(uri: String, cid: String) {
        self.uri = uri
        self.cid = cid
    }
}
