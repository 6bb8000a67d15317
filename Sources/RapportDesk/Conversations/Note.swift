/// An internal note: seen by colleagues, never sent to the customer.
public struct Note: Hashable, Sendable, Codable {
    public var author: AgentID
    public var text: String
    /// Colleagues @mentioned in the note, to be notified by the caller.
    public var mentions: [AgentID]

    public init(author: AgentID, text: String, mentions: [AgentID] = []) {
        self.author = author
        self.text = text
        self.mentions = mentions
    }
}
