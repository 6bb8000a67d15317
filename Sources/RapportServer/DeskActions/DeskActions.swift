import RapportIngest
import RapportStore

/// The desk's use cases: every change an agent, supervisor or admin makes (reply, note, status,
/// assignment, priority, tags, merge, split, move to private, customer edits, settings, people) is
/// one function here taking the acting user and typed input. It checks the role, validates, writes
/// through a store (one transaction, audited where the store audits), and publishes the change.
/// The JSON API and the HTML forms are thin adapters over it: decode → call → encode or render.
/// It throws domain errors only (`DeskError`, `ConversationError`, `StoreError`); the HTTP status
/// of each is decided once, in `DomainErrorMapping`.
struct DeskActions: Sendable {
    let desk: DeskServices

    init(desk: DeskServices) {
        self.desk = desk
    }

    /// What a finished action changed.
    struct Change: Sendable, Equatable {
        /// Conversations whose screens must refresh.
        var conversations: [Int64]
        /// Users whose bell rings about the first conversation.
        var notified: [Int64] = []
        /// Something was queued in the outbox (or a survey): the worker sends it now.
        var sends = false
    }

    /// Tells live screens on every instance, and the sender, about a change. The only place desk
    /// actions publish: adapters never call the worker themselves.
    func publish(_ change: Change) {
        if change.sends { desk.worker.wake() }
        for (index, id) in change.conversations.enumerated() {
            desk.worker.changed(id, notified: index == 0 ? change.notified : [])
        }
    }

    /// Refuses a user below `minimum` (the same words the API has always used).
    static func require(_ minimum: Role, _ user: User) throws {
        guard user.role.allows(minimum) else {
            throw DeskError.forbidden(
                "the \(user.role.rawValue) role cannot do this (needs \(minimum.rawValue))")
        }
    }
}
