import Foundation

/// Where Rapport keeps its data: an embedded SQLite file or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// Reads `sqlite:PATH`, `sqlite://PATH`, a plain file path, or `postgres://…` / `postgresql://…`.
    public init(_ string: String) throws(StoreError) {
        let trimmed = string.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else if trimmed.hasPrefix("sqlite://") {
            self = .sqlite(path: String(trimmed.dropFirst("sqlite://".count)))
        } else if trimmed.hasPrefix("sqlite:") {
            self = .sqlite(path: String(trimmed.dropFirst("sqlite:".count)))
        } else if trimmed.isEmpty || trimmed.contains("://") {
            throw StoreError.invalidConfiguration(
                "database must be a file path, sqlite:PATH or postgres://user:pass@host:port/db (got '\(string)')")
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            // Never print the password.
            if var components = URLComponents(string: url), components.password != nil {
                components.password = "***"
                return components.string ?? "postgres://…"
            }
            return url
        }
    }
}
