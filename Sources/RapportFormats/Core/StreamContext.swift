/// State carried from line to line when a caller streams an NDJSON source.
///
/// Jetstream sends a DID's handle in `identity` events, separately from its posts; the
/// context remembers the pairs so later posts get a readable handle instead of a DID.
/// The map is bounded: past `maxHandles` entries it starts again from empty.
public struct StreamContext: Sendable {
    public var blueskyHandles: [String: String]
    public var maxHandles: Int

    public init(blueskyHandles: [String: String] = [:], maxHandles: Int = 200_000) {
        self.blueskyHandles = blueskyHandles
        self.maxHandles = maxHandles
    }

    mutating func remember(did: String, handle: String) {
        if blueskyHandles.count >= maxHandles { blueskyHandles.removeAll(keepingCapacity: true) }
        blueskyHandles[did] = handle
    }
}
