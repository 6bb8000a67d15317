import RapportStore

/// Whether team scope is on now (the administrators' setting, else `RAPPORT_TEAM_SCOPE`) and whom it confines.
/// Read at each use, so a change made on one instance holds on every instance at the next request.
public struct TeamBoundary: Sendable {
    public let setting: TeamScopeSettingStore
    /// Team scope when no administrator has set it.
    public let enabledByDefault: Bool

    public init(database: Database, enabledByDefault: Bool) {
        setting = TeamScopeSettingStore(database: database)
        self.enabledByDefault = enabledByDefault
    }

    /// Team scope now.
    public func enabled() async throws -> Bool {
        try await setting.override() ?? enabledByDefault
    }

    /// Whether `user` is confined to their teams now (agents and supervisors while team scope is on). A confined
    /// user reads conversations and customers only through the desk, inside their boundary, and public mentions
    /// only in the listening views (private channels' mentions belong to conversations).
    public func confines(_ user: User?) async throws -> Bool {
        guard let user, ConversationScope.confines(user.role) else { return false }
        return try await enabled()
    }
}
