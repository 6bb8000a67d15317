import Foundation
import RapportCore
import Testing

@testable import RapportDesk

@Suite struct ConversationLifecycleTests {
    @Test func startRecordsCreationAndFirstMessage() {
        let start = ConversationMachine.start(
            id: 1, channel: Channel(network: .email, kind: .email), customerID: 7, firstMessage: 100, at: t0)
        #expect(start.conversation.status == .new)
        #expect(start.conversation.messageCount == 1)
        #expect(
            start.events.map(\.change) == [.created(Channel(network: .email, kind: .email)), .customerMessage(100)])
        #expect(start.events.allSatisfy { $0.by == .customer(7) && $0.at == t0 })
    }

    @Test func fullLifecycleNewOpenPendingResolvedClosed() throws {
        var c = newConversation()
        var history: [ConversationEvent] = []
        func run(_ command: ConversationCommand, _ minutes: Double) throws {
            let step = try ConversationMachine.apply(command, to: c, at: t0.addingTimeInterval(minutes * 60))
            c = step.conversation
            history += step.events
        }
        try run(.assign(Assignee(team: 3), by: .rule(9)), 1)
        #expect(c.status == .new)
        try run(.agentReply(101, by: 5), 10)
        #expect(c.status == .open)
        #expect(c.assignee == Assignee(team: 3, agent: 5))
        #expect(c.firstResponseAt == t0.addingTimeInterval(600))
        try run(.setStatus(.pending, by: .agent(5)), 11)
        try run(.customerMessage(102), 30)
        #expect(c.status == .open)
        try run(.agentReply(103, by: 5), 35)
        try run(.setStatus(.resolved, by: .agent(5)), 36)
        #expect(c.resolvedAt != nil)
        try run(.setStatus(.closed, by: .system), 60 * 24 * 7)
        #expect(c.status == .closed)
        #expect(c.messageCount == 4)
        #expect(
            history.map(\.change) == [
                .assigned(from: .nobody, to: Assignee(team: 3)),
                .agentReply(101, first: true),
                .assigned(from: Assignee(team: 3), to: Assignee(team: 3, agent: 5)),
                .statusChanged(from: .new, to: .open),
                .statusChanged(from: .open, to: .pending),
                .customerMessage(102),
                .statusChanged(from: .pending, to: .open),
                .agentReply(103, first: false),
                .statusChanged(from: .open, to: .resolved),
                .statusChanged(from: .resolved, to: .closed),
            ])
        #expect(history[1].by == .agent(5))
        #expect(history[6].by == .customer(7))
    }

    @Test func customerMessageReopensResolvedConversation() throws {
        var c = newConversation()
        c = try ConversationMachine.apply(
            [.agentReply(101, by: 5), .setStatus(.resolved, by: .agent(5))], to: c, at: t0
        ).conversation
        let later = t0.addingTimeInterval(3600)
        let step = try ConversationMachine.apply(.customerMessage(102), to: c, at: later)
        #expect(step.conversation.status == .open)
        #expect(step.conversation.resolvedAt == nil)
        #expect(
            step.events.map(\.change) == [
                .customerMessage(102), .reopened, .statusChanged(from: .resolved, to: .open),
            ])
        #expect(step.events.allSatisfy { $0.by == .customer(7) && $0.at == later })
        #expect(step.conversation.updatedAt == later)
    }

    @Test(arguments: [
        (ConversationStatus.new, ConversationStatus.closed),
        (.open, .closed),
        (.open, .new),
        (.pending, .closed),
        (.resolved, .pending),
        (.new, .new),
    ])
    func illegalStatusChangesAreTypedErrors(from: ConversationStatus, to: ConversationStatus) throws {
        var c = newConversation()
        c.status = from
        if from == to {
            // Same status is a no-op, not an error.
            let step = try ConversationMachine.apply(.setStatus(to, by: .agent(1)), to: c, at: t0)
            #expect(step.events.isEmpty)
            return
        }
        #expect(throws: ConversationError.illegalTransition(from: from, to: to)) {
            try ConversationMachine.apply(.setStatus(to, by: .agent(1)), to: c, at: t0)
        }
    }

    @Test func closedConversationRefusesMessagesButTakesNotesAndTags() throws {
        var c = newConversation()
        c.status = .closed
        #expect(throws: ConversationError.closed(1)) {
            try ConversationMachine.apply(.customerMessage(200), to: c, at: t0)
        }
        #expect(throws: ConversationError.closed(1)) {
            try ConversationMachine.apply(.agentReply(200, by: 5), to: c, at: t0)
        }
        #expect(throws: ConversationError.closed(1)) {
            try ConversationMachine.apply(.setStatus(.open, by: .agent(5)), to: c, at: t0)
        }
        let note = Note(author: 5, text: "Called them, all good @sam", mentions: [6])
        let step = try ConversationMachine.apply([.note(note), .tag(" Billing ", by: .agent(5))], to: c, at: t0)
        #expect(step.events.map(\.change) == [.note(note), .tagged("billing")])
        #expect(step.events[0].by == .agent(5))
        #expect(step.conversation.tags == ["billing"])
    }

    @Test func tagsPriorityAssignmentAndEscalationAreEvents() throws {
        let c = newConversation()
        let step = try ConversationMachine.apply(
            [
                .tag("refund", by: .agent(5)), .tag("REFUND", by: .agent(5)), .setPriority(.urgent, by: .rule(2)),
                .assign(Assignee(agent: 5), by: .agent(1)), .assign(Assignee(agent: 5), by: .agent(1)),
                .untag("refund", by: .agent(5)), .escalate(to: 9, reason: "VIP", by: .agent(5)),
            ], to: c, at: t0)
        #expect(
            step.events.map(\.change) == [
                .tagged("refund"), .priorityChanged(from: .normal, to: .urgent),
                .assigned(from: .nobody, to: Assignee(agent: 5)), .untagged("refund"),
                .escalated(to: 9, reason: "VIP"),
            ])
        #expect(step.conversation.escalatedTo == 9)
        #expect(throws: ConversationError.emptyTag) {
            try ConversationMachine.apply(.tag("  ", by: .agent(5)), to: c, at: t0)
        }
    }

    @Test func replyDoesNotStealAColleaguesConversation() throws {
        var c = newConversation()
        c.assignee = Assignee(team: 1, agent: 4)
        let step = try ConversationMachine.apply(.agentReply(101, by: 5), to: c, at: t0)
        #expect(step.conversation.assignee.agent == 4)
    }

    @Test func mergeClosesSourceAndFeedsTarget() throws {
        var source = newConversation(id: 2, at: t0.addingTimeInterval(60))
        source.priority = .high
        source = try ConversationMachine.apply(.tag("outage", by: .agent(5)), to: source, at: t0).conversation
        let target = newConversation(id: 1)
        let merged = try ConversationMachine.merge(source, into: target, by: .agent(5), at: t0.addingTimeInterval(120))
        #expect(merged.source.conversation.status == .closed)
        #expect(merged.source.conversation.mergedInto == 1)
        #expect(merged.source.events.map(\.change) == [.statusChanged(from: .new, to: .closed), .mergedInto(1)])
        #expect(merged.target.conversation.messageCount == 2)
        #expect(merged.target.conversation.tags == ["outage"])
        #expect(merged.target.conversation.priority == .high)
        #expect(
            merged.target.events.map(\.change) == [
                .absorbed(2), .tagged("outage"), .priorityChanged(from: .normal, to: .high),
            ])
        #expect(throws: ConversationError.self) {
            try ConversationMachine.merge(target, into: target, by: .system, at: t0)
        }
        let other = newConversation(id: 3, customer: 8)
        #expect(throws: ConversationError.self) {
            try ConversationMachine.merge(other, into: target, by: .system, at: t0)
        }
    }
}
