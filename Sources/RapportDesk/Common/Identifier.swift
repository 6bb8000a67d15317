/// A typed database id: `Identifier<Agent>` and `Identifier<Customer>` cannot be mixed up,
/// yet both are the plain `Int64` the store keeps.
public struct Identifier<Entity>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByIntegerLiteral, CustomStringConvertible
{
    public var rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public init(integerLiteral value: Int64) { self.rawValue = value }

    public var description: String { String(rawValue) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    // Encoded as a bare number so the API and the store see ordinary ids.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

public typealias ConversationID = Identifier<Conversation>
public typealias CustomerID = Identifier<Customer>
public typealias AgentID = Identifier<Agent>
public typealias TeamID = Identifier<Team>
public typealias SLAPolicyID = Identifier<SLAPolicy>
public typealias RoutingRuleID = Identifier<RoutingRule>
public typealias CannedReplyID = Identifier<CannedReply>
/// A stored message of a conversation: the id of its `Mention` (or of an outgoing reply).
public typealias MessageID = Identifier<Message>

/// Phantom tag for ``MessageID``: messages are mentions or outbox replies, owned by other modules.
public enum Message {}
