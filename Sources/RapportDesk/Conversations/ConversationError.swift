/// Why a command was refused. Nothing changes when one is thrown.
public enum ConversationError: Error, Hashable, Sendable {
    /// `setStatus` to a status not reachable from the current one.
    case illegalTransition(from: ConversationStatus, to: ConversationStatus)
    /// Closed conversations accept notes and tags only.
    case closed(ConversationID)
    /// Merging a conversation into itself or into one of another customer.
    case invalidMerge(source: ConversationID, target: ConversationID, reason: String)
    /// Splitting nothing, or everything, out of a conversation.
    case invalidSplit(ConversationID, reason: String)
    /// A tag that is empty once trimmed.
    case emptyTag
}
