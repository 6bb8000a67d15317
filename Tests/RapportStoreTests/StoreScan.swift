import Foundation
import RapportStore
import SQLKit

/// Whole-database checks read from the engine's own catalogue, so a table or column added later is covered
/// without editing the tests.
enum StoreScan {
    /// Every `table.column` holding `marker` somewhere (any type, compared as bytes or text), full-text index
    /// tables included (SQLite's FTS5 shadow tables, PostgreSQL's tsvector column).
    static func columnsContaining(_ marker: String, in database: Database) async throws -> [String] {
        try await database.read { db in
            var found: [String] = []
            for (table, column) in try await columns(db, dialect: database.dialect) {
                let test =
                    database.dialect == .sqlite
                    ? "instr(CAST(\"\(column)\" AS BLOB), CAST(? AS BLOB)) > 0"
                    : "CAST(\"\(column)\" AS TEXT) LIKE ?"
                let bind = database.dialect == .sqlite ? marker : "%\(marker)%"
                var query = SQLQueryString("SELECT count(*) AS n FROM \"\(table)\" WHERE ")
                let parts = test.split(separator: "?", omittingEmptySubsequences: false)
                query.appendInterpolation(unsafeRaw: String(parts[0]))
                query.appendInterpolation(bind: bind)
                query.appendInterpolation(unsafeRaw: String(parts[1]))
                if try await db.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0 > 0 {
                    found.append("\(table).\(column)")
                }
            }
            return found.sorted()
        }
    }

    /// Every (table, column) of the schema.
    static func columns(_ db: any SQLDatabase, dialect: Dialect) async throws -> [(String, String)] {
        var result: [(String, String)] = []
        switch dialect {
        case .sqlite:
            let tables = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map {
                try $0.decode(column: "name", as: String.self)
            }
            for table in tables {
                for row in try await db.raw(SQLQueryString("PRAGMA table_info(\"\(table)\")")).all() {
                    result.append((table, try row.decode(column: "name", as: String.self)))
                }
            }
        case .postgres:
            for row in try await db.raw(
                """
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                """
            ).all() {
                result.append(
                    (
                        try row.decode(column: "table_name", as: String.self),
                        try row.decode(column: "column_name", as: String.self)
                    ))
            }
        }
        return result
    }

    /// Every row of every rollup table and rollup journal (names from the catalogue), as sorted text: equal
    /// snapshots mean every dashboard figure read from them is equal.
    static func rollups(_ database: Database) async throws -> [String: [String]] {
        try await database.read { db in
            let all = try await columns(db, dialect: database.dialect)
            let tables = Set(all.map(\.0).filter { $0.contains("rollup") })
            var snapshot: [String: [String]] = [:]
            for table in tables.sorted() {
                let names = all.filter { $0.0 == table }.map(\.1).filter { $0 != "seq" }.sorted()
                let select = names.map { "CAST(\"\($0)\" AS TEXT) AS \"\($0)\"" }.joined(separator: ", ")
                snapshot[table] = try await db.raw(SQLQueryString("SELECT \(select) FROM \"\(table)\"")).all().map {
                    row in
                    try names.map { "\($0)=\(try row.decode(column: $0, as: String?.self) ?? "null")" }
                        .joined(separator: " ")
                }.sorted()
            }
            return snapshot
        }
    }
}
