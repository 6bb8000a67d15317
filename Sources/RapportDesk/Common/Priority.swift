/// How soon a conversation needs an answer; SLA targets are chosen by it.
public enum Priority: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case low
    case normal
    case high
    case urgent

    public static func < (lhs: Priority, rhs: Priority) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
