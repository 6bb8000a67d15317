import Foundation
import RapportCore

/// What a conversation is measured on.
public enum SLAMetric: String, Hashable, Sendable, Codable, CaseIterable {
    /// From the conversation's start to the first agent reply.
    case firstResponse = "first_response"
    /// From the conversation's start to its resolution.
    case resolution
}

/// Targets for one priority and/or channel; nil fields match anything.
public struct SLATarget: Hashable, Sendable, Codable {
    public var priority: Priority?
    public var network: Network?
    /// Business seconds allowed before the first agent reply.
    public var firstResponse: TimeInterval?
    /// Business seconds allowed before resolution.
    public var resolution: TimeInterval?

    public init(
        priority: Priority? = nil, network: Network? = nil, firstResponse: TimeInterval? = nil,
        resolution: TimeInterval? = nil
    ) {
        self.priority = priority
        self.network = network
        self.firstResponse = firstResponse
        self.resolution = resolution
    }

    func seconds(for metric: SLAMetric) -> TimeInterval? {
        switch metric {
        case .firstResponse: firstResponse
        case .resolution: resolution
        }
    }
}

/// A service level: targets by priority and channel, counted in the owning team's business hours.
public struct SLAPolicy: Hashable, Sendable, Codable, Identifiable {
    public var id: SLAPolicyID
    public var name: String
    public var targets: [SLATarget]
    /// Share of a target after which the conversation is "at risk" and escalated (0.8 = 80 %).
    public var nearBreachFraction: Double
    /// False: targets count wall-clock time (24/7 channels).
    public var usesBusinessHours: Bool

    public init(
        id: SLAPolicyID, name: String, targets: [SLATarget], nearBreachFraction: Double = 0.8,
        usesBusinessHours: Bool = true
    ) {
        self.id = id
        self.name = name
        self.targets = targets
        self.nearBreachFraction = nearBreachFraction
        self.usesBusinessHours = usesBusinessHours
    }

    /// The target for a metric: the most specific entry that sets it wins (priority and channel,
    /// then priority, then channel, then the catch-all), so a policy can state defaults once.
    public func target(_ metric: SLAMetric, priority: Priority, network: Network) -> TimeInterval? {
        let candidates = targets.filter {
            ($0.priority == nil || $0.priority == priority) && ($0.network == nil || $0.network == network)
                && $0.seconds(for: metric) != nil
        }
        func rank(_ t: SLATarget) -> Int { (t.priority != nil ? 2 : 0) + (t.network != nil ? 1 : 0) }
        // Stable: among equally specific entries the first listed wins.
        var best: SLATarget?
        for candidate in candidates where best == nil || rank(candidate) > rank(best!) { best = candidate }
        return best?.seconds(for: metric)
    }
}
