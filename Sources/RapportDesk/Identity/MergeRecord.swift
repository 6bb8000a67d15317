import Foundation

/// What a customer merge moved, so it can be undone exactly. The caller stores it for good: it is
/// the history of the merge and the only input un-merge needs besides the two customers.
public struct MergeRecord: Hashable, Sendable, Codable {
    public var source: CustomerID
    public var target: CustomerID
    /// The source as it was before the merge.
    public var sourceBefore: Customer
    public var movedIdentities: [Identity]
    /// Facts the target did not have and took from the source (the target's own facts win).
    public var addedFacts: [String: FactValue]
    public var addedTags: [String]
    /// The source's conversations, re-pointed to the target by the caller.
    public var movedConversations: [ConversationID]
    /// The target had no display name (first name) and took the source's.
    public var filledDisplayName: Bool = false
    public var filledFirstName: Bool = false
    public var by: Performer
    public var at: Date

    public init(
        source: CustomerID, target: CustomerID, sourceBefore: Customer, movedIdentities: [Identity],
        addedFacts: [String: FactValue], addedTags: [String], movedConversations: [ConversationID], by: Performer,
        at: Date
    ) {
        self.source = source
        self.target = target
        self.sourceBefore = sourceBefore
        self.movedIdentities = movedIdentities
        self.addedFacts = addedFacts
        self.addedTags = addedTags
        self.movedConversations = movedConversations
        self.by = by
        self.at = at
    }
}
