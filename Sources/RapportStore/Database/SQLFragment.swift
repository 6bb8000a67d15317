import SQLKit

/// A piece of SQL with `?` placeholders and its bound values, composed into
/// dynamic queries (filters) and rendered with the engine's own placeholders.
struct SQLFragment: Sendable {
    var sql: String
    var binds: [any Encodable & Sendable]

    init(_ sql: String, _ binds: [any Encodable & Sendable] = []) {
        self.sql = sql
        self.binds = binds
    }

    /// Joins fragments with `separator` (e.g. " AND ").
    static func join(_ parts: [SQLFragment], separator: String) -> SQLFragment {
        SQLFragment(parts.map(\.sql).joined(separator: separator), parts.flatMap(\.binds))
    }

    /// `?,?,…` for an IN list of `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    static func + (lhs: SQLFragment, rhs: SQLFragment) -> SQLFragment {
        SQLFragment(lhs.sql + rhs.sql, lhs.binds + rhs.binds)
    }

    /// The fragment as an SQLKit expression: `?` becomes a bound parameter.
    var expression: SQLQueryString {
        // Scans bytes, not Characters: "?" is ASCII and never part of a multi-byte UTF-8 sequence, and long
        // generated statements (the rollups') made a per-Character scan show up in page profiles.
        var query = SQLQueryString("")
        let bytes = sql.utf8
        var start = bytes.startIndex
        var bindIndex = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: "?") {
            query.appendInterpolation(unsafeRaw: String(sql[start..<i]))
            query.appendInterpolation(bind: binds[bindIndex])
            bindIndex += 1
            start = bytes.index(after: i)
        }
        query.appendInterpolation(unsafeRaw: String(sql[start...]))
        return query
    }
}
