/// A saved reply agents insert and adapt; its body is a template (see ``TemplateRenderer``).
public struct CannedReply: Hashable, Sendable, Codable, Identifiable {
    public var id: CannedReplyID
    public var name: String
    public var body: String
    /// Limits the reply to these teams; empty for everyone.
    public var teams: [TeamID]

    public init(id: CannedReplyID, name: String, body: String, teams: [TeamID] = []) {
        self.id = id
        self.name = name
        self.body = body
        self.teams = teams
    }
}
