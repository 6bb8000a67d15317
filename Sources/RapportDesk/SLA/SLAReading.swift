import Foundation

/// Where an SLA clock stands at one instant.
public struct SLAReading: Hashable, Sendable {
    public enum Phase: String, Hashable, Sendable {
        case running, paused
        /// Stopped within the target.
        case met
        /// Stopped after the target.
        case missed
    }

    public var metric: SLAMetric
    public var phase: Phase
    public var target: TimeInterval
    /// Business seconds used so far.
    public var elapsed: TimeInterval
    /// Business seconds left; negative once breached.
    public var remaining: TimeInterval { target - elapsed }
    /// When the target runs out if nothing pauses the clock; nil while paused or stopped.
    public var dueAt: Date?
    /// When the near-breach share is reached; nil while paused or stopped, or if it was already
    /// reached before the clock last resumed.
    public var nearBreachAt: Date?
    public var nearBreachFraction: Double

    /// The target is used up (at the due instant itself the clock counts as breached).
    public var isBreached: Bool {
        switch phase {
        case .running, .paused: elapsed >= target
        case .met: false
        case .missed: true
        }
    }

    /// At least `nearBreachFraction` of the target is used, and the clock still runs or waits.
    public var isNearBreach: Bool {
        // A millisecond of slack: 0.8 × target is not exact in binary floating point.
        (phase == .running || phase == .paused) && elapsed >= target * nearBreachFraction - 0.001
    }
}

/// Reads SLA clocks against business hours.
public enum SLAEvaluator {
    /// Reads `clock` at `now`; `hours` nil means wall-clock time.
    public static func read(
        _ clock: SLAClock, hours: BusinessHours?, nearBreachFraction: Double = 0.8, at now: Date
    ) -> SLAReading {
        let hours = hours ?? .always
        let segments = clock.runningSegments(until: now)
        let elapsed = segments.reduce(0) { $0 + hours.businessSeconds(from: $1.0, to: $1.1) }
        var reading = SLAReading(
            metric: clock.metric, phase: .running, target: clock.target, elapsed: elapsed, dueAt: nil,
            nearBreachAt: nil, nearBreachFraction: nearBreachFraction)
        if let stopped = clock.stoppedAt, stopped <= now {
            reading.phase = elapsed <= clock.target ? .met : .missed
            return reading
        }
        if clock.isPaused {
            reading.phase = .paused
            return reading
        }
        // Business time used before the current running stretch began, then project forward.
        let resumedAt = clock.pauses.last?.until.map { max($0, clock.startedAt) } ?? clock.startedAt
        let before = segments.filter { $0.1 <= resumedAt }.reduce(0) {
            $0 + hours.businessSeconds(from: $1.0, to: $1.1)
        }
        reading.dueAt = hours.date(adding: clock.target - before, to: resumedAt)
        let threshold = clock.target * nearBreachFraction - before
        if threshold > 0 { reading.nearBreachAt = hours.date(adding: threshold, to: resumedAt) }
        return reading
    }

    /// Reads every clock of a conversation's SLA.
    public static func readings(_ sla: SLAState, hours: BusinessHours?, at now: Date) -> [SLAReading] {
        let effective = sla.usesBusinessHours ? hours : nil
        return SLAMetric.allCases.compactMap { metric in
            sla[metric].map { read($0, hours: effective, nearBreachFraction: sla.nearBreachFraction, at: now) }
        }
    }
}
