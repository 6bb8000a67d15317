import Foundation
import Logging
import SQLKit
import SQLiteKit

extension Database {
    /// Writes a consistent copy of a live SQLite database to `path` while it keeps serving.
    ///
    /// `VACUUM INTO` reads one snapshot (WAL lets writers go on meanwhile) and writes a compact copy. The copy is
    /// written beside the target and renamed into place, so a failed or interrupted backup never leaves a
    /// half-written file under the target's name. PostgreSQL is backed up with its own tools (docs/deploy.md).
    public func backup(to path: String) async throws {
        guard dialect == .sqlite else {
            throw StoreError.invalidConfiguration(
                "rapport backup copies SQLite databases; back up PostgreSQL with pg_dump (docs/deploy.md)")
        }
        let target = URL(fileURLWithPath: path)
        let files = FileManager.default
        guard !files.fileExists(atPath: target.path) else {
            throw StoreError.invalidConfiguration("\(path) already exists; choose a new file")
        }
        let partial = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try await read { try await $0.raw("VACUUM INTO \(bind: partial.path)").run() }
            let check = try await Self.integrityCheck(of: partial.path, logger: logger)
            guard check == "ok" else {
                throw StoreError.invalidConfiguration("the copy failed its integrity check: \(check)")
            }
            try files.moveItem(at: partial, to: target)
        } catch {
            try? files.removeItem(at: partial)
            throw error
        }
    }

    /// `PRAGMA integrity_check` of a SQLite file ("ok" when sound).
    public static func integrityCheck(of path: String, logger: Logger) async throws -> String {
        let copy = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        do {
            let rows = try await copy.sql().raw("PRAGMA integrity_check").all()
            try await copy.close()
            return rows.compactMap { try? $0.decode(column: "integrity_check", as: String.self) }.joined(separator: "; ")
        } catch {
            try? await copy.close()
            throw error
        }
    }
}
