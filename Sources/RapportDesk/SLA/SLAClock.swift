import Foundation

/// A stretch of time during which an SLA clock did not run (waiting on the customer, resolved).
public struct SLAPause: Hashable, Sendable, Codable {
    public var from: Date
    /// Nil while the pause lasts.
    public var until: Date?

    public init(from: Date, until: Date? = nil) {
        self.from = from
        self.until = until
    }
}

/// Alerts already raised for a clock, so a breach escalates once.
public enum SLAAlert: String, Hashable, Sendable, Codable, CaseIterable {
    case nearBreach = "near_breach"
    case breach
}

/// One running, paused or stopped SLA clock. It stores only wall-clock instants; business time
/// is computed when read, with the team's ``BusinessHours``, so schedules can change later.
public struct SLAClock: Hashable, Sendable, Codable {
    public var metric: SLAMetric
    /// Business seconds allowed.
    public var target: TimeInterval
    public var startedAt: Date
    public var pauses: [SLAPause]
    /// When the goal was reached (first reply, resolution); nil while it runs.
    public var stoppedAt: Date?
    public var alerts: Set<SLAAlert>

    public init(
        metric: SLAMetric, target: TimeInterval, startedAt: Date, pauses: [SLAPause] = [], stoppedAt: Date? = nil,
        alerts: Set<SLAAlert> = []
    ) {
        self.metric = metric
        self.target = target
        self.startedAt = startedAt
        self.pauses = pauses
        self.stoppedAt = stoppedAt
        self.alerts = alerts
    }

    public var isPaused: Bool { stoppedAt == nil && pauses.last.map { $0.until == nil } == true }
    public var isRunning: Bool { stoppedAt == nil && !isPaused }

    mutating func pause(at date: Date) {
        guard isRunning else { return }
        pauses.append(SLAPause(from: date))
    }

    mutating func resume(at date: Date) {
        guard isPaused else { return }
        pauses[pauses.count - 1].until = date
    }

    mutating func stop(at date: Date) {
        guard stoppedAt == nil else { return }
        resume(at: date)
        stoppedAt = date
    }

    /// A stopped clock runs again (a resolved conversation reopened); the stopped stretch is a pause.
    mutating func restart(at date: Date) {
        guard let stopped = stoppedAt else { return }
        stoppedAt = nil
        pauses.append(SLAPause(from: stopped, until: date))
    }

    /// Wall-clock stretches during which the clock ran, up to `now` (or the stop).
    func runningSegments(until now: Date) -> [(Date, Date)] {
        let end = min(stoppedAt ?? now, now)
        var segments: [(Date, Date)] = []
        var cursor = startedAt
        for pause in pauses {
            if pause.from > cursor { segments.append((cursor, min(pause.from, end))) }
            guard let until = pause.until else { return segments.filter { $0.1 > $0.0 } }
            cursor = max(cursor, until)
        }
        if end > cursor { segments.append((cursor, end)) }
        return segments.filter { $0.1 > $0.0 }
    }
}

/// The SLA a conversation is under: the policy and its clocks.
public struct SLAState: Hashable, Sendable, Codable {
    public var policyID: SLAPolicyID
    public var nearBreachFraction: Double
    public var usesBusinessHours: Bool
    public var firstResponse: SLAClock?
    public var resolution: SLAClock?

    public init(
        policyID: SLAPolicyID, nearBreachFraction: Double = 0.8, usesBusinessHours: Bool = true,
        firstResponse: SLAClock? = nil, resolution: SLAClock? = nil
    ) {
        self.policyID = policyID
        self.nearBreachFraction = nearBreachFraction
        self.usesBusinessHours = usesBusinessHours
        self.firstResponse = firstResponse
        self.resolution = resolution
    }

    public subscript(metric: SLAMetric) -> SLAClock? {
        get { metric == .firstResponse ? firstResponse : resolution }
        set {
            if metric == .firstResponse { firstResponse = newValue } else { resolution = newValue }
        }
    }

    mutating func updateClocks(_ change: (inout SLAClock) -> Void) {
        for metric in SLAMetric.allCases {
            if var clock = self[metric] {
                change(&clock)
                self[metric] = clock
            }
        }
    }
}
