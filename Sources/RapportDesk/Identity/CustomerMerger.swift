import Foundation

/// Manual (or automatic) merges of two customers, and their undoing.
public enum CustomerMerger {
    public struct Merge: Hashable, Sendable {
        /// The target with the source's identities, facts and tags.
        public var target: Customer
        /// The source, emptied of identities and marked `mergedInto`; kept, not deleted, for history.
        public var source: Customer
        public var record: MergeRecord
        public var events: [CustomerEvent]
    }

    public struct Unmerge: Hashable, Sendable {
        public var target: Customer
        public var source: Customer
        /// Conversations to point back at the source.
        public var conversationsToReturn: [ConversationID]
        public var events: [CustomerEvent]
    }

    /// Merges `source` into `target`. `sourceConversations` are the source's conversation ids, which
    /// the caller re-points to the target.
    public static func merge(
        _ source: Customer, into target: Customer, sourceConversations: [ConversationID] = [], by: Performer,
        at date: Date
    ) throws(IdentityError) -> Merge {
        guard source.id != target.id else { throw .sameCustomer(source.id) }
        if let into = source.mergedInto { throw .alreadyMerged(source.id, into: into) }
        if let into = target.mergedInto { throw .alreadyMerged(target.id, into: into) }

        var merged = target
        var moved: [Identity] = []
        for linked in source.identities where !merged.has(linked.identity) {
            var copy = linked
            copy.evidence = .merged(from: source.id)
            copy.linkedAt = date
            merged.identities.append(copy)
            moved.append(linked.identity)
        }
        var addedFacts: [String: FactValue] = [:]
        for (key, value) in source.facts where merged.facts[key] == nil {
            merged.facts[key] = value
            addedFacts[key] = value
        }
        let addedTags = source.tags.filter { !merged.tags.contains($0) }
        merged.tags += addedTags
        let filledDisplayName = merged.displayName == nil && source.displayName != nil
        let filledFirstName = merged.firstName == nil && source.firstName != nil
        if filledDisplayName { merged.displayName = source.displayName }
        if filledFirstName { merged.firstName = source.firstName }
        merged.mergedFrom.append(source.id)

        var tombstone = source
        tombstone.identities = []
        tombstone.mergedInto = target.id

        var record = MergeRecord(
            source: source.id, target: target.id, sourceBefore: source, movedIdentities: moved, addedFacts: addedFacts,
            addedTags: addedTags, movedConversations: sourceConversations, by: by, at: date)
        record.filledDisplayName = filledDisplayName
        record.filledFirstName = filledFirstName
        let events = [
            CustomerEvent(customerID: target.id, at: date, by: by, change: .absorbed(source: source.id)),
            CustomerEvent(customerID: source.id, at: date, by: by, change: .mergedInto(target.id)),
        ]
        return Merge(target: merged, source: tombstone, record: record, events: events)
    }

    /// Undoes a merge. What the merge moved goes back to the source; what the target gained since
    /// (new identities, changed facts, new conversations) stays with the target.
    public static func unmerge(
        target: Customer, source: Customer, record: MergeRecord, by: Performer, at date: Date
    ) throws(IdentityError) -> Unmerge {
        guard record.target == target.id, record.source == source.id, source.mergedInto == target.id else {
            throw .recordMismatch
        }
        var restoredTarget = target
        let moved = Set(record.movedIdentities)
        restoredTarget.identities.removeAll { moved.contains($0.identity) }
        for (key, value) in record.addedFacts where restoredTarget.facts[key] == value {
            restoredTarget.facts[key] = nil
        }
        restoredTarget.tags.removeAll { record.addedTags.contains($0) }
        restoredTarget.mergedFrom.removeAll { $0 == source.id }
        if record.filledDisplayName, target.displayName == record.sourceBefore.displayName {
            restoredTarget.displayName = nil
        }
        if record.filledFirstName, target.firstName == record.sourceBefore.firstName { restoredTarget.firstName = nil }

        var restoredSource = record.sourceBefore
        // Identities the target let go of since the merge are not forced back.
        let stillOnTarget = Set(target.identities.map(\.identity))
        restoredSource.identities.removeAll { moved.contains($0.identity) && !stillOnTarget.contains($0.identity) }
        restoredSource.mergedInto = nil

        let events = [
            CustomerEvent(
                customerID: target.id, at: date, by: by, change: .unmerged(source: source.id, target: target.id)),
            CustomerEvent(
                customerID: source.id, at: date, by: by, change: .unmerged(source: source.id, target: target.id)),
        ]
        return Unmerge(
            target: restoredTarget, source: restoredSource, conversationsToReturn: record.movedConversations,
            events: events)
    }
}
