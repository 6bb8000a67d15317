import HTTPTypes
import RapportStore

/// Which scope a machine token needs for an API request — one table for every route, default-deny: a route not
/// named here needs ``TokenScope/admin``.
enum TokenScopeRule {
    static func required(_ method: HTTPRequest.Method, path: String) -> TokenScope {
        let path = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        if path.hasPrefix("/api/v1/ingest/") { return method == .post ? .ingest : .admin }
        if path == "/api/v1/rules" || path.hasPrefix("/api/v1/rules/") { return .rules }
        if method == .get || method == .head {
            for prefix in readable where path == prefix || path.hasPrefix(prefix + "/") { return .read }
        }
        return .admin
    }

    /// Listening-API reads a `read` token may make.
    static let readable = [
        "/api/v1/mentions", "/api/v1/stream", "/api/v1/stats", "/api/v1/analytics", "/api/v1/alerts",
        "/api/v1/digest",
    ]

    /// Whether `scopes` allow what `required` names (`admin` allows everything).
    static func allows(_ scopes: Set<TokenScope>, _ required: TokenScope) -> Bool {
        scopes.contains(.admin) || scopes.contains(required)
    }
}
