/// Who got the last conversation in each team: the only memory round-robin needs. The caller
/// stores it and passes it back, so routing stays a pure function.
public struct RoundRobinState: Hashable, Sendable, Codable {
    public var lastAssigned: [TeamID: AgentID]

    public init(lastAssigned: [TeamID: AgentID] = [:]) { self.lastAssigned = lastAssigned }
}
