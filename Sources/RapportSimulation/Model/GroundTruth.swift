/// What the simulator knows about an event, so analysis and detection can be scored against it.
public struct GroundTruth: Sendable, Hashable {
    /// Name of the brand the post is about (`SimulatedBrand.name`), or nil when it is off-topic.
    public var brand: String?
    /// Why the post was written.
    public var intent: Intent
    /// The sentiment a correct analysis should find.
    public var sentiment: ExpectedSentiment
    /// True when the post belongs to the injected incident.
    public var isIncident: Bool
    /// True for the incident's influential author joining in.
    public var isInfluencer: Bool
    /// True when the payload is a redelivery of an earlier event (same external id, same bytes).
    public var isDuplicate: Bool
    /// The network the post appeared on.
    public var network: SimulatedNetwork
    /// ISO 639-1 language of the text.
    public var language: String
    /// The platform's id of the post (tweet id, comment id, message id…).
    public var externalID: String
    /// The author's stable index in the author pool (same person → same index on every network).
    public var authorIndex: Int
    /// The author's follower count on that network.
    public var authorFollowers: Int
    /// The incident topic word used in the text, if any.
    public var topic: String?
}
