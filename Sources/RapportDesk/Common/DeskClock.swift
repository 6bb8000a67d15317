import Foundation

/// Where "now" comes from. Every decision in this module takes an explicit `Date`; callers read it
/// from a clock so tests can pin time with ``FixedClock``.
public protocol DeskClock: Sendable {
    var now: Date { get }
}

/// The wall clock.
public struct SystemClock: DeskClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock stopped at one instant; `advanced(by:)` gives the next one.
public struct FixedClock: DeskClock {
    public var now: Date

    public init(_ now: Date) { self.now = now }

    public func advanced(by seconds: TimeInterval) -> FixedClock { FixedClock(now.addingTimeInterval(seconds)) }
}
