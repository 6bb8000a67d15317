import Foundation
import RapportCore
import Testing

@testable import RapportDesk

@Suite struct SLATests {
    /// Paris, 09:00–17:00 Monday to Friday; Monday 10 March 2025 is a holiday. (UTC+1 in March.)
    let hours = BusinessHours(
        timeZoneIdentifier: "Europe/Paris", window: DailyWindow(9, to: 17), holidays: [LocalDate(2025, 3, 10)])
    let policy = SLAPolicy(
        id: 1, name: "Standard",
        targets: [
            SLATarget(firstResponse: 4 * 3600, resolution: 16 * 3600),
            SLATarget(priority: .urgent, firstResponse: 3600),
            SLATarget(priority: .urgent, network: .email, firstResponse: 2 * 3600),
        ])
    /// Friday 7 March 2025, 16:00 in Paris.
    let friday = instant("2025-03-07T15:00:00Z")

    func conversation(at date: Date, priority: Priority = .normal, network: Network = .x) throws -> Conversation {
        var c = newConversation(network: network, at: date)
        c.priority = priority
        return try ConversationMachine.apply(.applySLA(policy, by: .system), to: c, at: date).conversation
    }

    @Test func targetsPickTheMostSpecificEntry() {
        #expect(policy.target(.firstResponse, priority: .normal, network: .x) == 14_400)
        #expect(policy.target(.firstResponse, priority: .urgent, network: .x) == 3600)
        #expect(policy.target(.firstResponse, priority: .urgent, network: .email) == 7_200)
        // Urgent entries set no resolution target: the catch-all's applies.
        #expect(policy.target(.resolution, priority: .urgent, network: .email) == 57_600)
    }

    @Test func businessTimeSkipsWeekendAndHoliday() {
        // Friday 16:00 + 4 business hours: 1 h on Friday, weekend, holiday Monday, 3 h on Tuesday → 12:00.
        #expect(hours.date(adding: 4 * 3600, to: friday) == instant("2025-03-11T11:00:00Z"))
        #expect(hours.businessSeconds(from: friday, to: instant("2025-03-11T11:00:00Z")) == 4 * 3600)
        #expect(hours.businessSeconds(from: instant("2025-03-07T16:00:00Z"), to: instant("2025-03-11T08:00:00Z")) == 0)
        #expect(!hours.isOpen(at: instant("2025-03-10T10:00:00Z")))
        #expect(hours.isOpen(at: instant("2025-03-11T08:00:00Z")))
        // Exactly used up at closing time: due at 17:00, not the next morning.
        #expect(hours.date(adding: 3600, to: friday) == instant("2025-03-07T16:00:00Z"))
        // Summer time: 09:00 Paris is 07:00 UTC after 30 March.
        #expect(hours.date(adding: 60, to: instant("2025-03-31T05:00:00Z")) == instant("2025-03-31T07:01:00Z"))
    }

    @Test func nearBreachAndBreachAtExactInstants() throws {
        let c = try conversation(at: friday)
        let clock = try #require(c.sla?.firstResponse)
        let reading = SLAEvaluator.read(clock, hours: hours, at: friday)
        #expect(reading.dueAt == instant("2025-03-11T11:00:00Z"))
        // 80 % of 4 h = 3 h 12 min: 1 h Friday + 2 h 12 min Tuesday → 11:12 Paris.
        let nearAt = instant("2025-03-11T10:12:00Z")
        #expect(reading.nearBreachAt == nearAt)

        let justBefore = SLAMonitor.check(c, hours: hours, supervisor: 99, at: nearAt.addingTimeInterval(-1))
        #expect(justBefore.events.isEmpty)
        #expect(SLAMonitor.nextCheck(c, hours: hours, after: friday) == nearAt)

        let near = SLAMonitor.check(c, hours: hours, supervisor: 99, at: nearAt)
        #expect(
            near.events.map(\.change) == [
                .slaNearBreach(.firstResponse, dueAt: instant("2025-03-11T11:00:00Z"), supervisor: 99)
            ])
        #expect(near.conversation.escalatedTo == 99)
        // Raised once.
        #expect(
            SLAMonitor.check(near.conversation, hours: hours, supervisor: 99, at: nearAt.addingTimeInterval(60)).events
                .isEmpty)
        let dueAt = instant("2025-03-11T11:00:00Z")
        #expect(SLAMonitor.nextCheck(near.conversation, hours: hours, after: nearAt) == dueAt)
        #expect(
            SLAMonitor.check(near.conversation, hours: hours, supervisor: 99, at: dueAt.addingTimeInterval(-1)).events
                .isEmpty)
        let breach = SLAMonitor.check(near.conversation, hours: hours, supervisor: 99, at: dueAt)
        #expect(breach.events.map(\.change) == [.slaBreached(.firstResponse, dueAt: dueAt, supervisor: 99)])
        let after = SLAEvaluator.read(
            breach.conversation.sla!.firstResponse!, hours: hours, at: dueAt.addingTimeInterval(1800))
        #expect(after.isBreached)
        #expect(after.remaining == -1800)
    }

    @Test func replyInTimeMeetsTheTargetAndStopsAlerts() throws {
        let c = try conversation(at: friday)
        let replied = try ConversationMachine.apply(.agentReply(2, by: 5), to: c, at: instant("2025-03-11T08:30:00Z"))
        let reading = SLAEvaluator.read(
            replied.conversation.sla!.firstResponse!, hours: hours, at: instant("2025-03-12T12:00:00Z"))
        #expect(reading.phase == .met)
        #expect(reading.elapsed == 3600 + 1800)
        #expect(
            SLAMonitor.check(replied.conversation, hours: hours, supervisor: 99, at: instant("2025-03-12T12:00:00Z"))
                .events.allSatisfy {
                    if case .slaBreached(.firstResponse, _, _) = $0.change { return false }
                    return true
                })
    }

    @Test func clockPausesWhilePending() throws {
        // Monday 3 March 09:00 Paris; resolution target 16 business hours = two working days.
        let monday = instant("2025-03-03T08:00:00Z")
        var c = try conversation(at: monday)
        c = try ConversationMachine.apply(.agentReply(2, by: 5), to: c, at: instant("2025-03-03T09:00:00Z"))
            .conversation
        let pending = try ConversationMachine.apply(
            .setStatus(.pending, by: .agent(5)), to: c, at: instant("2025-03-03T10:00:00Z"))
        #expect(pending.events.map(\.change) == [.statusChanged(from: .open, to: .pending), .slaPaused])
        c = pending.conversation
        let paused = SLAEvaluator.read(c.sla!.resolution!, hours: hours, at: instant("2025-03-04T15:00:00Z"))
        #expect(paused.phase == .paused)
        #expect(paused.elapsed == 2 * 3600)
        #expect(paused.dueAt == nil)
        // Nothing escalates while waiting on the customer, however long.
        #expect(SLAMonitor.check(c, hours: hours, supervisor: 99, at: instant("2025-03-20T15:00:00Z")).events.isEmpty)

        // The customer answers Tuesday 10:00 Paris: 14 h remain → Wednesday 16:00 Paris.
        let back = try ConversationMachine.apply(.customerMessage(3), to: c, at: instant("2025-03-04T09:00:00Z"))
        #expect(
            back.events.map(\.change) == [.customerMessage(3), .statusChanged(from: .pending, to: .open), .slaResumed])
        let running = SLAEvaluator.read(
            back.conversation.sla!.resolution!, hours: hours, at: instant("2025-03-04T09:00:00Z"))
        #expect(running.phase == .running)
        #expect(running.dueAt == instant("2025-03-05T15:00:00Z"))
        #expect(running.remaining == 14 * 3600)
    }

    @Test func resolvedStopsAndReopenResumesResolutionClock() throws {
        let monday = instant("2025-03-03T08:00:00Z")
        var c = try conversation(at: monday)
        c = try ConversationMachine.apply(
            [.agentReply(2, by: 5), .setStatus(.resolved, by: .agent(5))], to: c, at: instant("2025-03-03T10:00:00Z")
        ).conversation
        let stopped = SLAEvaluator.read(c.sla!.resolution!, hours: hours, at: instant("2025-03-05T10:00:00Z"))
        #expect(stopped.phase == .met)
        #expect(stopped.elapsed == 2 * 3600)
        // Reopened Wednesday 11:00 Paris: the resolved stretch does not count.
        c = try ConversationMachine.apply(.customerMessage(3), to: c, at: instant("2025-03-05T10:00:00Z")).conversation
        let resumed = SLAEvaluator.read(c.sla!.resolution!, hours: hours, at: instant("2025-03-05T11:00:00Z"))
        #expect(resumed.phase == .running)
        #expect(resumed.elapsed == 3 * 3600)
    }

    @Test func priorityChangeRetargetsKeepingTheStart() throws {
        var c = try conversation(at: friday, network: .email)
        c = try ConversationMachine.apply(
            [.setPriority(.urgent, by: .agent(1)), .applySLA(policy, by: .agent(1))], to: c,
            at: friday.addingTimeInterval(600)
        ).conversation
        let clock = try #require(c.sla?.firstResponse)
        #expect(clock.target == 2 * 3600)
        #expect(clock.startedAt == friday)
        #expect(SLAEvaluator.read(clock, hours: hours, at: friday).dueAt == instant("2025-03-11T09:00:00Z"))
    }

    @Test func wallClockPoliciesIgnoreBusinessHours() throws {
        let always = SLAPolicy(id: 2, name: "24/7", targets: [SLATarget(firstResponse: 3600)], usesBusinessHours: false)
        let c = try ConversationMachine.apply(
            .applySLA(always, by: .system), to: newConversation(at: friday), at: friday
        )
        .conversation
        let readings = SLAEvaluator.readings(c.sla!, hours: hours, at: friday)
        #expect(readings.first?.dueAt == friday.addingTimeInterval(3600))
        #expect(FixedClock(friday).advanced(by: 3600).now == friday.addingTimeInterval(3600))
    }
}
