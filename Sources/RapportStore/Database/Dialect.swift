import SQLKit

/// Every difference between the two engines lives here, so that the rest of the
/// persistence layer has one query code path.
public enum Dialect: String, Sendable {
    case sqlite
    case postgres

    /// Row lock for work queues that several instances drain: each takes rows no other holds.
    /// SQLite needs none: `BEGIN IMMEDIATE` already holds the only write lock.
    var forUpdateSkipLocked: String {
        switch self {
        case .sqlite: ""
        case .postgres: " FOR UPDATE SKIP LOCKED"
        }
    }

    /// A lock on `key` held until the transaction ends, so that a check-then-write on that key (count, then
    /// insert) is not raced by another connection or instance. SQLite needs none: `BEGIN IMMEDIATE` already
    /// holds the only write lock. `space` keeps unrelated users of advisory locks apart.
    func lock(space: Int32, key: String) -> SQLQueryString? {
        switch self {
        case .sqlite: nil
        case .postgres: "SELECT pg_advisory_xact_lock(\(bind: space), hashtext(\(bind: key)))"
        }
    }

    /// The dialect of a connection handed to a transaction body.
    init(_ db: any SQLDatabase) {
        self = db.dialect.name == "sqlite" ? .sqlite : .postgres
    }

    /// Row lock for read-modify-write of one row inside a transaction (a conversation's state), so
    /// two instances changing it at once do not lose each other's change. SQLite's single writer
    /// already serialises transactions.
    var forUpdate: String {
        switch self {
        case .sqlite: ""
        case .postgres: " FOR UPDATE"
        }
    }

    /// Names the index a query must walk. SQLite's planner, without statistics, prefers a plain
    /// index and a sort over a partial index already in the right order; PostgreSQL's planner
    /// weighs them with its statistics, so it gets no hint.
    func indexedBy(_ index: String) -> String {
        switch self {
        case .sqlite: " INDEXED BY \(index)"
        case .postgres: ""
        }
    }

    /// A 64-bit float (SQLKit's `.real` is float4 on PostgreSQL).
    var double: String {
        switch self {
        case .sqlite: "REAL"
        case .postgres: "DOUBLE PRECISION"
        }
    }

    /// The tail of a multi-row INSERT that adds `column` to the existing row on a key conflict (a counter
    /// upsert). Both engines spell it the same (SQLite ≥ 3.24); it lives here so that a third engine, or
    /// SQLite's older `INSERT OR REPLACE` dance, would change one place.
    func addOnConflict(table: String, key: [String], column: String) -> String {
        " ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(column) = \(table).\(column) + excluded.\(column)"
    }

    /// Aggregates an integer column into a comma-separated string.
    func listAggregate(_ column: String) -> String {
        switch self {
        case .sqlite: "group_concat(\(column))"
        case .postgres: "string_agg(\(column)::text, ',')"
        }
    }

    /// A predicate selecting mentions whose text contains every word of `terms`.
    /// `terms` are already split into plain words (see ``FullTextQuery``).
    func fullTextPredicate(_ query: FullTextQuery) -> SQLFragment {
        switch self {
        case .sqlite:
            SQLFragment(
                "m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)", [query.fts5Expression])
        case .postgres:
            SQLFragment("m.search @@ plainto_tsquery('simple', ?)", [query.words.joined(separator: " ")])
        }
    }
}
