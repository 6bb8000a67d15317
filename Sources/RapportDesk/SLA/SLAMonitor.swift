import Foundation

/// Turns SLA readings into escalations: called by the caller's scheduler at (or after)
/// ``nextCheck(_:hours:after:)``, and after every change.
public enum SLAMonitor {
    /// Raises near-breach and breach alerts not raised yet, each once per clock, as events naming
    /// the supervisor to notify. Stopped clocks never alert.
    public static func check(
        _ conversation: Conversation, hours: BusinessHours?, supervisor: AgentID?, at now: Date
    ) -> ConversationTransition {
        guard var sla = conversation.sla, conversation.status != .closed else {
            return ConversationTransition(conversation: conversation, events: [])
        }
        var result = conversation
        var events: [ConversationEvent] = []
        for reading in SLAEvaluator.readings(sla, hours: hours, at: now)
        where reading.phase == .running || reading.phase == .paused {
            guard var clock = sla[reading.metric] else { continue }
            if reading.isBreached, !clock.alerts.contains(.breach) {
                clock.alerts.formUnion([.breach, .nearBreach])
                events.append(
                    ConversationEvent(
                        conversationID: conversation.id, at: now, by: .system,
                        change: .slaBreached(reading.metric, dueAt: reading.dueAt, supervisor: supervisor)))
            } else if reading.isNearBreach, !clock.alerts.contains(.nearBreach) {
                clock.alerts.insert(.nearBreach)
                events.append(
                    ConversationEvent(
                        conversationID: conversation.id, at: now, by: .system,
                        change: .slaNearBreach(reading.metric, dueAt: reading.dueAt, supervisor: supervisor)))
            }
            sla[reading.metric] = clock
        }
        guard !events.isEmpty else { return ConversationTransition(conversation: conversation, events: []) }
        result.sla = sla
        if let supervisor { result.escalatedTo = supervisor }
        result.updatedAt = now
        return ConversationTransition(conversation: result, events: events)
    }

    /// The next instant at which ``check(_:hours:supervisor:at:)`` would raise an alert, if the
    /// conversation does not change before; nil when no running clock has an alert ahead.
    public static func nextCheck(_ conversation: Conversation, hours: BusinessHours?, after now: Date) -> Date? {
        guard let sla = conversation.sla, conversation.status != .closed else { return nil }
        var next: Date?
        for reading in SLAEvaluator.readings(sla, hours: hours, at: now) where reading.phase == .running {
            guard let clock = sla[reading.metric] else { continue }
            var candidates: [Date] = []
            if !clock.alerts.contains(.nearBreach), let near = reading.nearBreachAt { candidates.append(near) }
            if !clock.alerts.contains(.breach), let due = reading.dueAt { candidates.append(due) }
            for candidate in candidates { next = min(next ?? candidate, max(candidate, now)) }
        }
        return next
    }
}
