import Foundation
import SQLKit

/// Changes to a source table's rows waiting to be summed into its ``DerivedRollup``s.
///
/// A writer appends the row's measured columns as they are before a change (`sign` −1) and after it (+1): one
/// small insert, and no rollup row locked by the writer's transaction, so desk writes on several instances never
/// queue (or deadlock) on the same hot rollup rows. ``DerivedRollup/fold(_:batch:)`` moves journal rows into the
/// rollups, one folder at a time; readers sum the rollups and the rows still in the journal in one statement, so
/// figures are exact whether or not the folder has run.
struct RollupJournal: Sendable {
    struct Column: Sendable {
        var name: String
        var isText: Bool
    }

    var table: String
    var source: String
    /// The source columns the rollups' keys, measures and row filter read, copied at each change.
    var columns: [Column]

    /// Appends source row `id` as it is now, counted `sign` times (1 after a change, −1 before it).
    func record(_ db: any SQLDatabase, id: Int64, sign: Int) async throws {
        let names = columns.map(\.name).joined(separator: ", ")
        let sql = "INSERT INTO \(table) (sign, \(names)) SELECT ?, \(names) FROM \(source) WHERE id = ?"
        try await db.raw(SQLFragment(sql, [sign < 0 ? -1 : 1, id]).expression).run()
    }

    static let conversations = RollupJournal(
        table: "conversation_rollup_journal", source: "conversations",
        columns: [
            .init(name: "network", isText: true), .init(name: "created_ms", isText: false),
            .init(name: "team_id", isText: false), .init(name: "assignee_id", isText: false),
            .init(name: "first_response_ms", isText: false), .init(name: "resolved_ms", isText: false),
            .init(name: "sla_due_ms", isText: false), .init(name: "status", isText: true),
        ])

    static let surveys = RollupJournal(
        table: "survey_rollup_journal", source: "surveys",
        columns: [
            .init(name: "network", isText: true), .init(name: "answered_ms", isText: false),
            .init(name: "team_id", isText: false), .init(name: "agent_id", isText: false),
            .init(name: "kind", isText: true), .init(name: "score", isText: false),
        ])
}

extension DerivedRollup {
    /// Every rollup kept through a journal.
    static let all = serviceCubes + [surveys]

    /// Advisory-lock space of the folders (PostgreSQL): one folder per journal at a time.
    static let foldLockSpace: Int32 = 0x526f_6c6c

    /// Moves every journal row into the rollups, `batch` rows per transaction (each one folds and deletes
    /// exactly the rows it listed, so a writer committing meanwhile is folded next time). Returns the rows
    /// folded. Safe to run on every instance at once.
    static func fold(_ database: Database, batch: Int = 2_000) async throws -> Int {
        var folded = 0
        for journal in [RollupJournal.conversations, .surveys] {
            let cubes = all.filter { $0.journal.table == journal.table }
            while true {
                // A read first: an empty journal (the usual case) costs no write transaction.
                let pending = try await database.read { db in
                    try await db.raw(SQLQueryString("SELECT seq FROM " + journal.table + " LIMIT 1")).first() != nil
                }
                guard pending else { break }
                let moved = try await database.transaction { db in
                    if let lock = Dialect(db).lock(space: foldLockSpace, key: journal.table) {
                        try await db.raw(lock).run()
                    }
                    let take = "SELECT seq FROM \(journal.table) ORDER BY seq LIMIT \(batch)"
                    let seqs = try await db.raw(SQLQueryString(take)).all().map {
                        try $0.decode(column: "seq", as: Int64.self)
                    }
                    guard !seqs.isEmpty else { return 0 }
                    let listed = SQLFragment(
                        "seq IN (" + SQLFragment.placeholders(seqs.count) + ")",
                        seqs.map { $0 as any Encodable & Sendable })
                    for cube in cubes { try await cube.fold(db, rows: listed) }
                    try await db.raw((SQLFragment("DELETE FROM \(journal.table) WHERE ") + listed).expression).run()
                    return seqs.count
                }
                folded += moved
                if moved < batch { break }
            }
        }
        return folded
    }
}

extension Database {
    /// Folds the service and survey rollup journals (``RollupJournal``) into their rollups; the desk worker
    /// calls it every round. Figures are exact without it: it keeps the journals, which every read sums, short.
    /// Returns the journal rows folded.
    @discardableResult
    public func foldRollupJournals(batch: Int = 2_000) async throws -> Int {
        try await DerivedRollup.fold(self, batch: batch)
    }
}
