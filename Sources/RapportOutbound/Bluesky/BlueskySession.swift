/// The part of a `com.atproto.server.createSession` answer the sender needs.
public struct BlueskySession: Sendable, Hashable {
    /// Short-lived token for `Authorization: Bearer`.
    public var accessJwt: String
    /// The account's DID: the `repo` records are written to.
    public var did: String

    public init(accessJwt: String, did: String) {
        self.accessJwt = accessJwt
        self.did = did
    }
}
