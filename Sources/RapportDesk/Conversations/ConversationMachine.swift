import Foundation

/// The conversation state machine: pure, total over ``ConversationCommand``, and the only place
/// that changes a ``Conversation``. Every change it makes is returned as an event.
public enum ConversationMachine {
    /// Opens a conversation for a customer's first message.
    public static func start(
        id: ConversationID, channel: Channel, customerID: CustomerID, firstMessage: MessageID,
        priority: Priority = .normal, at date: Date
    ) -> ConversationTransition {
        var conversation = Conversation(
            id: id, channel: channel, customerID: customerID, priority: priority, createdAt: date)
        conversation.messageCount = 1
        conversation.lastCustomerMessageAt = date
        let by = Performer.customer(customerID)
        return ConversationTransition(
            conversation: conversation,
            events: [
                ConversationEvent(conversationID: id, at: date, by: by, change: .created(channel)),
                ConversationEvent(conversationID: id, at: date, by: by, change: .customerMessage(firstMessage)),
            ])
    }

    /// Applies one command. Throws, changing nothing, when the command is illegal in the current status.
    public static func apply(
        _ command: ConversationCommand, to conversation: Conversation, at date: Date
    ) throws(ConversationError) -> ConversationTransition {
        var step = Step(conversation: conversation, at: date)
        switch command {
        case .customerMessage(let message):
            try step.requireNotClosed()
            step.customerMessage(message)
        case .agentReply(let message, let agent):
            try step.requireNotClosed()
            step.agentReply(message, by: agent)
        case .note(let note):
            step.record(.note(note), by: .agent(note.author))
        case .assign(let assignee, let by):
            try step.requireNotClosed()
            step.assign(assignee, by: by)
        case .setStatus(let status, let by):
            try step.requireNotClosed()
            guard status != conversation.status else { break }
            guard conversation.status.allowedTargets.contains(status) else {
                throw .illegalTransition(from: conversation.status, to: status)
            }
            step.changeStatus(to: status, by: by)
        case .setPriority(let priority, let by):
            try step.requireNotClosed()
            guard priority != conversation.priority else { break }
            step.conversation.priority = priority
            step.record(.priorityChanged(from: conversation.priority, to: priority), by: by)
        case .tag(let tag, let by):
            guard !Conversation.normaliseTag(tag).isEmpty else { throw .emptyTag }
            if step.conversation.addTag(tag) { step.record(.tagged(Conversation.normaliseTag(tag)), by: by) }
        case .untag(let tag, let by):
            guard !Conversation.normaliseTag(tag).isEmpty else { throw .emptyTag }
            if step.conversation.removeTag(tag) { step.record(.untagged(Conversation.normaliseTag(tag)), by: by) }
        case .applySLA(let policy, let by):
            try step.requireNotClosed()
            step.applySLA(policy, by: by)
        case .escalate(let supervisor, let reason, let by):
            try step.requireNotClosed()
            step.conversation.escalatedTo = supervisor
            step.record(.escalated(to: supervisor, reason: reason), by: by)
        }
        return step.transition
    }

    /// Applies commands in order; stops at the first illegal one.
    public static func apply(
        _ commands: [ConversationCommand], to conversation: Conversation, at date: Date
    ) throws(ConversationError) -> ConversationTransition {
        var result = ConversationTransition(conversation: conversation, events: [])
        for command in commands {
            let next = try apply(command, to: result.conversation, at: date)
            result.conversation = next.conversation
            result.events += next.events
        }
        return result
    }

    /// Merges `source` into `target` (same customer). The source is closed with `mergedInto` set;
    /// the target gains its message count and tags. The caller re-points the source's messages and
    /// thread keys to the target.
    public static func merge(
        _ source: Conversation, into target: Conversation, by: Performer, at date: Date
    ) throws(ConversationError) -> (source: ConversationTransition, target: ConversationTransition) {
        guard source.id != target.id else {
            throw .invalidMerge(source: source.id, target: target.id, reason: "a conversation cannot absorb itself")
        }
        guard source.customerID == target.customerID else {
            throw .invalidMerge(
                source: source.id, target: target.id, reason: "different customers (merge the customers first)")
        }
        guard source.status != .closed else { throw .closed(source.id) }
        guard target.status != .closed else { throw .closed(target.id) }

        var from = Step(conversation: source, at: date)
        from.conversation.mergedInto = target.id
        from.conversation.sla?.updateClocks { $0.stop(at: date) }
        from.record(.statusChanged(from: source.status, to: .closed), by: by)
        from.conversation.status = .closed
        from.record(.mergedInto(target.id), by: by)

        var into = Step(conversation: target, at: date)
        into.conversation.messageCount += source.messageCount
        if let last = source.lastCustomerMessageAt {
            into.conversation.lastCustomerMessageAt = max(last, target.lastCustomerMessageAt ?? last)
        }
        into.record(.absorbed(source.id), by: by)
        for tag in source.tags where into.conversation.addTag(tag) { into.record(.tagged(tag), by: by) }
        if source.priority > target.priority {
            into.conversation.priority = source.priority
            into.record(.priorityChanged(from: target.priority, to: source.priority), by: by)
        }
        return (from.transition, into.transition)
    }
}

/// The working state of one command: the conversation being changed and the events so far.
struct Step {
    var conversation: Conversation
    let at: Date
    var events: [ConversationEvent] = []

    init(conversation: Conversation, at: Date) {
        self.conversation = conversation
        self.at = at
    }

    var transition: ConversationTransition {
        var result = conversation
        if !events.isEmpty { result.updatedAt = at }
        return ConversationTransition(conversation: result, events: events)
    }

    mutating func record(_ change: ConversationEvent.Change, by: Performer) {
        events.append(ConversationEvent(conversationID: conversation.id, at: at, by: by, change: change))
    }

    func requireNotClosed() throws(ConversationError) {
        if conversation.status == .closed { throw .closed(conversation.id) }
    }

    mutating func customerMessage(_ message: MessageID) {
        let customer = Performer.customer(conversation.customerID)
        conversation.messageCount += 1
        conversation.lastCustomerMessageAt = at
        record(.customerMessage(message), by: customer)
        switch conversation.status {
        case .pending:
            changeStatus(to: .open, by: customer)
        case .resolved:
            record(.reopened, by: customer)
            changeStatus(to: .open, by: customer)
        case .new, .open, .closed:
            break
        }
    }

    mutating func agentReply(_ message: MessageID, by agent: AgentID) {
        let first = conversation.firstResponseAt == nil
        if first { conversation.firstResponseAt = at }
        conversation.lastAgentReplyAt = at
        conversation.messageCount += 1
        conversation.sla?.firstResponse?.stop(at: at)
        record(.agentReply(message, first: first), by: .agent(agent))
        // Whoever answers an unowned conversation owns it; a reply never steals one from a colleague.
        if conversation.assignee.agent == nil {
            assign(Assignee(team: conversation.assignee.team, agent: agent), by: .agent(agent))
        }
        if conversation.status == .new { changeStatus(to: .open, by: .agent(agent)) }
    }

    mutating func assign(_ assignee: Assignee, by: Performer) {
        guard assignee != conversation.assignee else { return }
        let previous = conversation.assignee
        conversation.assignee = assignee
        record(.assigned(from: previous, to: assignee), by: by)
    }

    /// Moves to `status` with its side effects on SLA clocks; legality is checked by the caller.
    mutating func changeStatus(to status: ConversationStatus, by: Performer) {
        let previous = conversation.status
        conversation.status = status
        record(.statusChanged(from: previous, to: status), by: by)
        if previous == .pending, conversation.sla != nil {
            conversation.sla?.updateClocks { $0.resume(at: at) }
            record(.slaResumed, by: .system)
        }
        switch status {
        case .pending:
            if conversation.sla.map({ $0.firstResponse?.isRunning == true || $0.resolution?.isRunning == true })
                == true
            {
                conversation.sla?.updateClocks { $0.pause(at: at) }
                record(.slaPaused, by: .system)
            }
        case .resolved:
            conversation.resolvedAt = at
            conversation.escalatedTo = nil
            conversation.sla?.updateClocks { $0.stop(at: at) }
        case .open where previous == .resolved:
            conversation.resolvedAt = nil
            if conversation.sla?.resolution?.stoppedAt != nil {
                conversation.sla?.resolution?.restart(at: at)
                record(.slaResumed, by: .system)
            }
        case .new, .open, .closed:
            break
        }
    }

    mutating func applySLA(_ policy: SLAPolicy, by: Performer) {
        var state =
            conversation.sla?.policyID == policy.id
            ? conversation.sla!
            : SLAState(policyID: policy.id)
        state.nearBreachFraction = policy.nearBreachFraction
        state.usesBusinessHours = policy.usesBusinessHours
        for metric in SLAMetric.allCases {
            guard
                let target = policy.target(
                    metric, priority: conversation.priority, network: conversation.channel.network)
            else {
                state[metric] = nil
                continue
            }
            if var clock = state[metric] {
                if clock.target != target {
                    clock.target = target
                    clock.alerts = []
                }
                state[metric] = clock
            } else {
                var clock = SLAClock(metric: metric, target: target, startedAt: conversation.createdAt)
                switch metric {
                case .firstResponse:
                    if let replied = conversation.firstResponseAt { clock.stoppedAt = replied }
                case .resolution:
                    if !conversation.status.isActive { clock.stoppedAt = conversation.resolvedAt ?? at }
                }
                if conversation.status == .pending && clock.stoppedAt == nil { clock.pause(at: at) }
                state[metric] = clock
            }
        }
        guard state != conversation.sla else { return }
        conversation.sla = state
        record(.slaApplied(policy.id), by: by)
    }
}
