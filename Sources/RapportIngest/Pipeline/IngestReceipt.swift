import RapportCore
import RapportStore

/// What happened to posts handed to the pipeline. Returned only after they are committed.
public struct IngestReceipt: Sendable, Codable, Hashable {
    /// Ids of mentions stored now.
    public var storedIDs: [Int64]
    /// Posts that were already stored (redeliveries): nothing changed.
    public var duplicates: Int
    /// Public posts that matched no listening rule: counted, not stored.
    public var filtered: Int

    public init(storedIDs: [Int64] = [], duplicates: Int = 0, filtered: Int = 0) {
        self.storedIDs = storedIDs
        self.duplicates = duplicates
        self.filtered = filtered
    }
}
