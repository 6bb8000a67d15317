/// What a signed-in user may do. Each role includes the rights of the ones after it:
/// admin ⊃ supervisor ⊃ agent ⊃ analyst (read-only).
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case analyst
    case agent
    case supervisor
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// At least `role`'s rights.
    public func allows(_ role: Role) -> Bool { self >= role }
}
