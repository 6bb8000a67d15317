import Foundation
import RapportStore

/// Reading the desk inside the reader's team boundary: the inbox, a conversation, a customer. The page and
/// the API read through here, so both see exactly the same rows.
extension DeskActions {
    /// A page of the inbox for `filter`, and the query it ran (for the page's filter bar).
    func inbox(_ filter: InboxFilter, for user: User, defaultQueue: String, now: Date) async throws
        -> (query: InboxQuery, rows: [ConversationSummary])
    {
        var query = try Self.inboxQuery(filter, for: user, defaultQueue: defaultQueue, now: now)
        query.scope = try await scope(for: user)
        return (query, try await desk.conversations.inbox(query))
    }

    /// The inbox's queue sizes, counted inside the user's boundary.
    func queueCounts(for user: User, now: Date) async throws -> [String: Int] {
        try await desk.conversations.queueCounts(
            userID: user.id, slaBefore: now.addingTimeInterval(600), scope: scope(for: user))
    }

    /// A conversation with its thread and history; 404 when missing or outside the boundary.
    func conversation(_ id: Int64, for user: User) async throws -> ConversationDetail {
        try await visibleConversation(id, for: user)
        guard let detail = try await desk.conversations.detail(id: id) else {
            throw DeskError.notFound("conversation", id)
        }
        return detail
    }

    /// A customer's profile (its timeline limited to the conversations the user may see) and those
    /// conversations; 404 when missing or outside the boundary.
    func customer(_ id: Int64, for user: User, timelineLimit: Int = 200) async throws
        -> (profile: CustomerProfile, conversations: [ConversationSummary])
    {
        let scope = try await scope(for: user)
        guard try await desk.customers.isVisible(customerID: id, scope: scope),
            let profile = try await desk.customers.profile(id: id, timelineLimit: timelineLimit, scope: scope)
        else { throw DeskError.notFound("customer", id) }
        return (profile, try await desk.conversations.conversations(customerID: id, scope: scope))
    }

    /// Customers whose name or an identity contains `search`, inside the boundary.
    func searchCustomers(_ search: String, for user: User) async throws -> [(id: Int64, name: String)] {
        try await desk.customers.search(search, scope: scope(for: user))
    }
}
