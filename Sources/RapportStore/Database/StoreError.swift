/// Errors the persistence layer reports to its callers.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidConfiguration(String)
    case notFound(String)
    case conflict(String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let m): "invalid configuration: \(m)"
        case .notFound(let m): "not found: \(m)"
        case .conflict(let m): "conflict: \(m)"
        case .invalidArgument(let m): "invalid argument: \(m)"
        }
    }
}
