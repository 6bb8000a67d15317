import SQLKit

/// The person's names, handles and addresses as stored before an erase: what free texts elsewhere (audit
/// details, alert evidence, bell notices, other profiles' link evidence) may quote.
struct PersonalStrings: Sendable {
    /// Lowercased handles by network (`x` → `danaw`), to find the person among an alert's top authors.
    var handles: Set<String>
    /// Every string to redact where quoted, longest first (so a name is not half-replaced by a shorter one).
    var quoted: [String]

    /// Shorter strings are not redacted inside other texts: too likely to be part of unrelated words.
    static let minimumLength = 4

    static func collect(_ db: any SQLDatabase, _ scope: PersonScope) async throws -> PersonalStrings {
        var handles: Set<String> = []
        var strings: Set<String> = []
        for row in try await PersonScope.rows(
            db, "SELECT network, external_id, handle, display_name, profile_url FROM authors WHERE id IN (%@)",
            scope.authorIDs)
        {
            let network = try row.decode(column: "network", as: String.self)
            let handle = try row.decode(column: "handle", as: String.self)
            handles.insert(network + ":" + handle.lowercased().droppingPrefix("@"))
            strings.insert(handle)
            strings.insert("@" + handle.droppingPrefix("@"))
            strings.insert(try row.decode(column: "external_id", as: String.self))
            if let name = try row.decode(column: "display_name", as: String?.self) { strings.insert(name) }
            if let url = try row.decode(column: "profile_url", as: String?.self) { strings.insert(url) }
        }
        for row in try await PersonScope.rows(
            db, "SELECT value FROM customer_identities WHERE customer_id IN (%@)", scope.customerIDs)
        {
            strings.insert(try row.decode(column: "value", as: String.self))
        }
        for row in try await PersonScope.rows(db, "SELECT name FROM customers WHERE id IN (%@)", scope.customerIDs) {
            strings.insert(try row.decode(column: "name", as: String.self))
        }
        let quoted = strings.filter { $0.count >= minimumLength }.sorted { ($0.count, $0) > ($1.count, $1) }
        return PersonalStrings(handles: handles, quoted: quoted)
    }
}

extension String {
    fileprivate func droppingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
