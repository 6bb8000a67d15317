/// What a length was counted in: each network counts differently, and a 422 that says "301" without saying
/// "graphemes" or "bytes" would not tell the author what to cut.
public enum LengthUnit: String, Sendable, Hashable, Codable {
    /// X's weighted characters (twitter-text 3.0): most Latin text 1, CJK and emoji 2, every URL 23.
    case weightedCharacters = "weighted_characters"
    /// Extended grapheme clusters (what a reader sees as one character).
    case graphemes
    /// UTF-8 bytes.
    case utf8Bytes = "utf8_bytes"
    /// Hashtags in the text.
    case hashtags
}

/// A measured length next to the limit it is checked against, for one network: what the server needs to
/// answer 422 with "the account, the limit and the measured length".
public struct TextLength: Sendable, Hashable {
    /// The network whose rule produced the measure.
    public var network: PublishNetwork
    /// The largest allowed value.
    public var limit: Int
    /// The measured value.
    public var measured: Int
    /// The unit of both.
    public var unit: LengthUnit

    /// Creates a measure.
    public init(network: PublishNetwork, limit: Int, measured: Int, unit: LengthUnit) {
        self.network = network
        self.limit = limit
        self.measured = measured
        self.unit = unit
    }

    /// Whether the measure is within the limit.
    public var isWithinLimit: Bool { measured <= limit }
}
