import SQLKit

/// Who did an audited action and from where: a user, or a machine token by name, and the client address.
public struct AuditActor: Sendable, Hashable {
    public var userID: Int64?
    /// A machine token's name when no user acted.
    public var tokenName: String?
    public var address: String?

    public init(userID: Int64? = nil, tokenName: String? = nil, address: String? = nil) {
        self.userID = userID
        self.tokenName = tokenName
        self.address = address
    }

    /// The command line (no user, no address).
    public static let cli = AuditActor(address: "cli")

    /// Prefix for `detail` naming a machine token, so its actions are told apart from anonymous ones.
    var detailPrefix: String { userID == nil ? tokenName.map { "token \($0): " } ?? "" : "" }
}

extension AuditLog {
    /// Records `action` by `actor` inside the caller's transaction.
    static func record(_ db: any SQLDatabase, _ actor: AuditActor, action: String, target: String, detail: String)
        async throws
    {
        try await record(
            db, userID: actor.userID, action: action, target: target, detail: actor.detailPrefix + detail,
            address: actor.address)
    }
}
