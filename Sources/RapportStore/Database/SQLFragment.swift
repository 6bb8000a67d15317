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
        var query = SQLQueryString("")
        var bindIndex = 0
        var chunk = ""
        for character in sql {
            if character == "?" {
                query.appendInterpolation(unsafeRaw: chunk)
                chunk = ""
                query.appendInterpolation(bind: binds[bindIndex])
                bindIndex += 1
            } else {
                chunk.append(character)
            }
        }
        query.appendInterpolation(unsafeRaw: chunk)
        return query
    }
}
