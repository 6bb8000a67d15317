import Foundation
import RapportDesk
import RapportStore

/// What agents record on a customer's profile (consent, tags, facts) and merging two profiles of
/// one person.
extension DeskActions {
    /// Records the customer's answer for one consent purpose, with how they expressed it.
    /// `recorder` says through what (`agent:7`, `api:user:7`). Returns the flags as stored.
    func setConsent(
        customerID: Int64, purpose raw: String, granted: Bool, source: String, recorder: String, by user: User
    ) async throws -> ConsentFlags {
        try Self.require(.agent, user)
        try await requireVisibleCustomer(customerID, for: user)
        guard let purpose = ConsentPurpose(rawValue: raw) else {
            let known = ConsentPurpose.allCases.map(\.rawValue).joined(separator: ", ")
            throw DeskError.invalid("invalid_purpose", field: "purpose", "purpose must be one of \(known)")
        }
        let source = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty, source.count <= 200 else {
            throw DeskError.invalid(
                "invalid_source", field: "source",
                "say how the customer expressed it (1–200 characters), e.g. 'asked in chat'")
        }
        guard
            let flags = try await desk.customers.setConsent(
                purpose, granted: granted, source: source, customerID: customerID, by: recorder, userID: user.id)
        else { throw DeskError.notFound("customer", customerID) }
        return flags
    }

    /// Replaces the customer's tags; returns them as stored (trimmed, lower-cased, unique).
    func setTags(customerID: Int64, _ tags: [String], by user: User) async throws -> [String] {
        try Self.require(.agent, user)
        try await requireVisibleCustomer(customerID, for: user)
        guard tags.count <= 50, tags.allSatisfy({ $0.count <= 50 && !$0.contains(",") }) else {
            throw DeskError.invalid(
                "invalid_tags", field: "tags", "at most 50 tags of at most 50 characters, without commas")
        }
        guard let stored = try await desk.customers.setTags(tags, customerID: customerID) else {
            throw DeskError.notFound("customer", customerID)
        }
        return stored
    }

    /// Adds or replaces facts imported about a customer (plan, lifetime value); returns them all.
    func mergeFacts(customerID: Int64, _ facts: [String: FactValue], by user: User) async throws
        -> [String: FactValue]
    {
        try Self.require(.supervisor, user)
        try await requireVisibleCustomer(customerID, for: user)
        guard facts.count <= 100, facts.keys.allSatisfy({ !$0.isEmpty && $0.count <= 64 }) else {
            throw DeskError.invalid(
                "invalid_facts", field: "facts", "send at most 100 facts with names of 1–64 characters")
        }
        guard let merged = try await desk.customers.mergeFacts(facts, customerID: customerID, by: user.id) else {
            throw DeskError.notFound("customer", customerID)
        }
        return merged
    }

    /// One person, two profiles: `source` is merged into `target` (recorded, so it can be undone).
    /// Returns the merge's id.
    func mergeCustomers(_ source: Int64, into target: Int64, by user: User) async throws -> Int64 {
        try Self.require(.supervisor, user)
        try await requireVisibleCustomer(source, for: user)
        try await requireVisibleCustomer(target, for: user)
        do {
            return try await desk.customers.merge(source: source, into: target, by: user.id)
        } catch StoreError.conflict(let message) {
            throw DeskError.conflict("invalid_merge", message)
        } catch StoreError.notFound(let message) {
            throw DeskError(.notFound, "not_found", "no \(message)")
        }
    }

    /// Undoes a merge of profiles.
    func unmergeCustomers(mergeID: Int64, by user: User) async throws {
        try Self.require(.supervisor, user)
        let target = try await desk.customers.mergeTarget(mergeID: mergeID)
        guard let target, try await desk.customers.isVisible(customerID: target, scope: scope(for: user)),
            try await desk.customers.unmerge(mergeID: mergeID, by: user.id)
        else {
            throw DeskError.notFound("merge (or it was undone)", mergeID)
        }
    }
}
