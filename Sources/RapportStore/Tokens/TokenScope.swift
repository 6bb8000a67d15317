/// What a machine token (one not tied to a user) may do. A token holds one or more scopes; a request outside them
/// is refused with 403 `insufficient_scope`. Personal tokens carry their user's role instead.
public enum TokenScope: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Send posts in: `POST /api/v1/ingest/…`.
    case ingest
    /// Read the listening API (mentions, stream, stats, dashboards) — public posts only.
    case read
    /// Create, change and delete listening rules (audited).
    case rules
    /// Everything a machine token can do, private channels' mentions included.
    case admin

    public static func < (a: TokenScope, b: TokenScope) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses the stored or typed list (`ingest,read`); nil names the bad entry.
    public static func parseList(_ text: String) -> Result<Set<TokenScope>, TokenScopeError> {
        var scopes: Set<TokenScope> = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " }) where !part.isEmpty {
            guard let scope = TokenScope(rawValue: String(part)) else {
                return .failure(TokenScopeError(name: String(part)))
            }
            scopes.insert(scope)
        }
        return .success(scopes)
    }

    /// The stored form: sorted, comma-separated.
    public static func storedList(_ scopes: Set<TokenScope>) -> String {
        scopes.sorted().map(\.rawValue).joined(separator: ",")
    }
}

/// A scope name that is not one of ``TokenScope``'s.
public struct TokenScopeError: Error, Sendable, CustomStringConvertible {
    public let name: String
    public var description: String {
        "unknown scope '\(name)': use \(TokenScope.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
