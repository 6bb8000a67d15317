/// Why two customers may be one person.
public enum MatchReason: Hashable, Sendable, CustomStringConvertible {
    case sameDisplayName(String)
    /// Same first and last word of the name, other words differ.
    case similarDisplayName(String, String)
    case sameHandle(Identity, Identity)
    /// Handle stems close by edit distance (`similarity` in 0…1).
    case similarHandles(Identity, Identity, similarity: Double)
    /// A message named a handle without saying on which network.
    case handleNamedWithoutNetwork(handle: String, excerpt: String)

    public var description: String {
        switch self {
        case .sameDisplayName(let name): "same display name “\(name)”"
        case .similarDisplayName(let a, let b): "similar display names “\(a)” and “\(b)”"
        case .sameHandle(let a, let b): "same handle \(a) and \(b)"
        case .similarHandles(let a, let b, let similarity):
            "similar handles \(a) and \(b) (\(Int((similarity * 100).rounded())) %)"
        case .handleNamedWithoutNetwork(let handle, _): "named @\(handle) without saying where"
        }
    }
}

/// A possible duplicate for an agent to confirm or dismiss.
public struct MergeSuggestion: Hashable, Sendable {
    public var customer: CustomerID
    public var candidate: CustomerID
    /// 0…1; never 1, since only strong evidence merges by itself.
    public var score: Double
    public var reasons: [MatchReason]

    public init(customer: CustomerID, candidate: CustomerID, score: Double, reasons: [MatchReason]) {
        self.customer = customer
        self.candidate = candidate
        self.score = score
        self.reasons = reasons
    }
}
