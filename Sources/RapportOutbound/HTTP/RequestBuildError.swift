/// A reply that cannot be turned into a request (wrong target for the channel, missing id, text too long).
/// Always permanent: the message has to be changed before it can go out.
public struct RequestBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
