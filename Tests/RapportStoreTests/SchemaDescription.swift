import Foundation
import RapportStore
import SQLKit

/// A database's schema as sorted text lines: each table with its columns (in position order: `SELECT *` and
/// `INSERT` without names depend on it), keys and constraints, then the indexes and triggers. Both engines are
/// read from their catalogues, so two databases with the same schema give the same lines whatever SQL made them.
enum SchemaDescription {
    static func lines(_ database: Database) async throws -> [String] {
        try await database.read { db in
            switch database.dialect {
            case .sqlite: try await sqlite(db)
            case .postgres: try await postgres(db)
            }
        }
    }

    private static func sqlite(_ db: any SQLDatabase) async throws -> [String] {
        let objects = try await db.raw(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).all()
        var tables: [String] = []
        var others: [String] = []
        for object in objects {
            let type = try object.decode(column: "type", as: String.self)
            let name = try object.decode(column: "name", as: String.self)
            let table = try object.decode(column: "tbl_name", as: String.self)
            let sql = try object.decode(column: "sql", as: String?.self).map(normalised)
            switch type {
            case "table":
                if sql?.hasPrefix("CREATE VIRTUAL TABLE") == true {
                    tables.append("virtual table \(name): \(sql ?? "")")
                    continue
                }
                tables.append("table \(name)\(sql?.hasSuffix("WITHOUT ROWID") == true ? " (without rowid)" : "")")
                let columns = try await db.raw(
                    SQLQueryString("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('\(name)')")
                )
                .all()
                for column in columns {
                    let pk = try column.decode(column: "pk", as: Int.self)
                    let notNull = try column.decode(column: "notnull", as: Int.self) == 1
                    let dflt = try column.decode(column: "dflt_value", as: String?.self)
                    tables.append(
                        "  column \(try column.decode(column: "name", as: String.self)) "
                            + "\(try column.decode(column: "type", as: String.self))"
                            + (notNull ? " NOT NULL" : "") + (dflt.map { " DEFAULT \($0)" } ?? "")
                            + (pk > 0 ? " PRIMARY KEY #\(pk)" : ""))
                }
                let keys = try await db.raw(
                    SQLQueryString(
                        "SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('\(name)')")
                ).all()
                for key in keys {
                    tables.append(
                        "  foreign key (\(try key.decode(column: "from", as: String.self))) REFERENCES "
                            + "\(try key.decode(column: "table", as: String.self)) "
                            + "(\(try key.decode(column: "to", as: String?.self) ?? "")) "
                            + "ON DELETE \(try key.decode(column: "on_delete", as: String.self))")
                }
                let uniques = try await db.raw(
                    SQLQueryString(
                        "SELECT name, origin FROM pragma_index_list('\(name)') WHERE origin <> 'c' ORDER BY name")
                ).all()
                for unique in uniques {
                    let index = try unique.decode(column: "name", as: String.self)
                    let origin = try unique.decode(column: "origin", as: String.self)
                    let columns = try await indexColumns(db, index)
                    tables.append("  \(origin == "pk" ? "primary key" : "unique") \(columns)")
                }
            case "index":
                guard let sql else { continue }  // automatic (UNIQUE / PRIMARY KEY) indexes: listed with their table
                others.append("index \(name) ON \(table): \(sql)")
            default:
                others.append("\(type) \(name) ON \(table): \(sql ?? "")")
            }
        }
        return tables + others.sorted()
    }

    private static func indexColumns(_ db: any SQLDatabase, _ index: String) async throws -> String {
        let columns = try await db.raw(SQLQueryString("SELECT name FROM pragma_index_info('\(index)') ORDER BY seqno"))
            .all().map { try $0.decode(column: "name", as: String.self) }
        return "(\(columns.joined(separator: ", ")))"
    }

    private static func postgres(_ db: any SQLDatabase) async throws -> [String] {
        var lines: [String] = []
        let tables = try await db.raw(
            """
            SELECT table_name::text AS table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
            """
        ).all().map { try $0.decode(column: "table_name", as: String.self) }
        for table in tables {
            lines.append("table \(table)")
            let columns = try await db.raw(
                """
                SELECT column_name::text AS column_name, data_type::text AS data_type,
                    is_nullable::text AS is_nullable, column_default::text AS column_default,
                    is_identity::text AS is_identity, identity_generation::text AS identity_generation,
                    generation_expression::text AS generation_expression
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name = \(bind: table)
                ORDER BY ordinal_position
                """
            ).all()
            for column in columns {
                let generated = try column.decode(column: "generation_expression", as: String?.self)
                let identity = try column.decode(column: "is_identity", as: String.self) == "YES"
                let dflt = try column.decode(column: "column_default", as: String?.self)
                lines.append(
                    "  column \(try column.decode(column: "column_name", as: String.self)) "
                        + "\(try column.decode(column: "data_type", as: String.self))"
                        + (try column.decode(column: "is_nullable", as: String.self) == "NO" ? " NOT NULL" : "")
                        + (dflt.map { " DEFAULT \($0)" } ?? "")
                        + (identity
                            ? " GENERATED \(try column.decode(column: "identity_generation", as: String?.self) ?? "")"
                                + " AS IDENTITY" : "")
                        + (generated.map { " GENERATED ALWAYS AS (\($0)) STORED" } ?? ""))
            }
            let constraints = try await db.raw(
                """
                SELECT c.conname::text AS conname, pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relname = \(bind: table) ORDER BY c.conname
                """
            ).all()
            for constraint in constraints {
                lines.append(
                    "  constraint \(try constraint.decode(column: "conname", as: String.self)): "
                        + (try constraint.decode(column: "definition", as: String.self)))
            }
        }
        let indexes = try await db.raw(
            """
            SELECT indexname::text AS indexname, tablename::text AS tablename, indexdef FROM pg_indexes
            WHERE schemaname = 'public' ORDER BY indexname
            """
        ).all()
        for index in indexes {
            let definition = try index.decode(column: "indexdef", as: String.self)
                .replacingOccurrences(of: "public.", with: "")
            lines.append(
                "index \(try index.decode(column: "indexname", as: String.self)) "
                    + "ON \(try index.decode(column: "tablename", as: String.self)): \(definition)")
        }
        let triggers = try await db.raw(
            """
            SELECT trigger_name::text AS trigger_name, event_object_table::text AS event_object_table
            FROM information_schema.triggers
            WHERE trigger_schema = 'public' ORDER BY trigger_name
            """
        ).all()
        for trigger in triggers {
            lines.append(
                "trigger \(try trigger.decode(column: "trigger_name", as: String.self)) "
                    + "ON \(try trigger.decode(column: "event_object_table", as: String.self))")
        }
        return lines
    }

    /// Runs of white space as one space.
    static func normalised(_ sql: String) -> String {
        sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The lines only in `expected` (`-`) and only in `actual` (`+`), in order, for a failure message.
    static func diff(expected: [String], actual: [String]) -> String {
        let difference = actual.difference(from: expected)
        var lines: [String] = []
        for change in difference {
            switch change {
            case .remove(let offset, let line, _): lines.append("- \(line)  (expected line \(offset + 1))")
            case .insert(let offset, let line, _): lines.append("+ \(line)  (actual line \(offset + 1))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
