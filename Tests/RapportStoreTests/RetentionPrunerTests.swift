import Foundation
import RapportAnalysis
import RapportCore
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Retention: pruning old public mentions and audit rows")
struct RetentionPrunerTests {
    static let day: TimeInterval = 86_400

    /// 25 old public posts (no conversation), 3 recent ones, and an old urgent post and an old DM that opened
    /// conversations; audit rows 100 and 1 days old.
    static func plant(_ db: Database, now: Date) async throws {
        let old = (now.addingTimeInterval(-100 * day).timeIntervalSince(Fixtures.start)) / 60
        let recent = (now.addingTimeInterval(-1 * day).timeIntervalSince(Fixtures.start)) / 60
        var posts = (0..<25).map {
            Fixtures.new(
                Fixtures.post(
                    "old-\($0)", text: "oldpost number \($0)", author: "a\($0 % 4)", minutes: old + Double($0)),
                analysis: Fixtures.analysis(.neutral))
        }
        posts += (0..<3).map {
            Fixtures.new(
                Fixtures.post("new-\($0)", text: "newpost \($0)", author: "a\($0)", minutes: recent),
                analysis: Fixtures.analysis(.positive))
        }
        posts.append(
            Fixtures.new(
                Fixtures.post("old-urgent", text: "oldpost urgent", author: "loud", minutes: old),
                analysis: Fixtures.analysis(.negative, level: .urgent)))
        var dm = Fixtures.post("old-dm", network: .messenger, text: "oldpost private", author: "kim", minutes: old)
        dm.kind = .directMessage
        dm.origin = .owned
        posts.append(Fixtures.new(dm, analysis: Fixtures.analysis(.neutral)))
        _ = try await MentionStore(database: db).insert(posts)
        _ = try await ConversationIntake(database: db).drain()
        try await db.transaction { sql in
            for (index, age) in [100.0, 100, 100, 1].enumerated() {
                try await sql.raw(
                    """
                    INSERT INTO audit_log (at_ms, user_id, action, target, detail)
                    VALUES (\(bind: now.addingTimeInterval(-age * day).millisecondsSince1970), NULL, 'test',
                        \(bind: "row:\(index)"), '')
                    """
                ).run()
            }
        }
    }

    static func externalIDs(_ db: Database) async throws -> Set<String> {
        try await db.read { sql in
            Set(
                try await sql.raw("SELECT external_id FROM mentions").all().map {
                    try $0.decode(column: "external_id", as: String.self)
                })
        }
    }

    @Test(
        "old public mentions without a conversation and old audit rows go, in batches; the rest and the rollups stay",
        arguments: TestEngine.available)
    func prunes(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let now = Date()
            try await Self.plant(db, now: now)
            let rollups = try await StoreScan.rollups(db)
            let pruner = RetentionPruner(database: db)
            let cutoff = now.addingTimeInterval(-30 * Self.day)
            // Batches of 10: 10, 10, 5, 0.
            var batches: [Int] = []
            while true {
                let deleted = try await pruner.prunePublicMentions(before: cutoff, batch: 10)
                batches.append(deleted)
                if deleted < 10 { break }
            }
            #expect(batches == [10, 10, 5])
            #expect(
                try await Self.externalIDs(db) == ["new-0", "new-1", "new-2", "old-urgent", "old-dm"],
                "recent posts and posts held by conversations stay")
            #expect(try await StoreScan.rollups(db) == rollups, "rollups keep counting pruned posts")
            let search = MentionStore(database: db)
            #expect(try await search.search(MentionFilter(text: FullTextQuery("oldpost"))).items.count == 2)
            #expect(try await search.search(MentionFilter(text: FullTextQuery("number"))).items.isEmpty)
            let links = try await db.read { sql in
                try await sql.raw("SELECT count(*) AS n FROM mention_rules").first()!.decode(column: "n", as: Int.self)
            }
            #expect(links == 5)
            // a3 wrote only old posts: left without a mention, but seen (ingested) just now, so kept for now.
            let orphans = try await db.read { sql in
                try await sql.raw(
                    "SELECT count(*) AS n FROM authors a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.author_id = a.id)"
                ).first()!.decode(column: "n", as: Int.self)
            }
            #expect(orphans == 1)

            #expect(try await pruner.pruneAudit(before: cutoff, batch: 2) == 2)
            #expect(try await pruner.pruneAudit(before: cutoff, batch: 2) == 1)
            #expect(try await pruner.pruneAudit(before: cutoff, batch: 2) == 0)
            #expect(try await AuditLog(database: db).recent().map(\.target).contains("row:3"))
            #expect(try await AuditLog(database: db).recent().filter { $0.action == "test" }.count == 1)
        }
    }

    @Test("an author left with no mention is pruned with its last old post", arguments: TestEngine.available)
    func prunesOrphanAuthors(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let now = Date()
            let old = (now.addingTimeInterval(-100 * Self.day).timeIntervalSince(Fixtures.start)) / 60
            _ = try await MentionStore(database: db).insert([
                Fixtures.new(
                    Fixtures.post("gone", author: "ghost", minutes: old), analysis: Fixtures.analysis(.neutral))
            ])
            // The author was last seen when the post was ingested (now): it is kept until it too is old.
            #expect(
                try await RetentionPruner(database: db).prunePublicMentions(before: now.addingTimeInterval(-Self.day))
                    == 1)
            let handles = try await db.read { sql in
                try await sql.raw("SELECT handle FROM authors").all().map {
                    try $0.decode(column: "handle", as: String.self)
                }
            }
            #expect(handles == ["ghost"])
            try await db.transaction { sql in
                try await sql.raw("UPDATE authors SET last_seen_ms = \(bind: Int64(0))").run()
            }
            _ = try await MentionStore(database: db).insert([
                Fixtures.new(
                    Fixtures.post("gone-2", author: "ghost", minutes: old), analysis: Fixtures.analysis(.neutral))
            ])
            try await db.transaction { sql in
                try await sql.raw("UPDATE authors SET last_seen_ms = \(bind: Int64(0))").run()
            }
            #expect(
                try await RetentionPruner(database: db).prunePublicMentions(before: now.addingTimeInterval(-Self.day))
                    == 1)
            let left = try await db.read { sql in
                try await sql.raw("SELECT count(*) AS n FROM authors").first()!.decode(column: "n", as: Int.self)
            }
            #expect(left == 0)
        }
    }

    @Test(
        "retention settings override the environment; 0 keeps forever; bad values are refused",
        arguments: TestEngine.available)
    func settings(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = RetentionSettingsStore(database: db)
            let environment = RetentionPolicy(publicMentionDays: 30, auditDays: nil)
            #expect(environment.overridden(by: try await store.overrides()) == environment)
            try await store.setOverrides(RetentionPolicy(publicMentionDays: 0, auditDays: 400), by: nil, from: "t")
            #expect(
                environment.overridden(by: try await store.overrides())
                    == RetentionPolicy(publicMentionDays: nil, auditDays: 400))
            await #expect(throws: StoreError.self) {
                try await store.setOverrides(RetentionPolicy(publicMentionDays: -1), by: nil, from: "t")
            }
            #expect(try await store.overrides() == RetentionPolicy(publicMentionDays: 0, auditDays: 400))
            try await store.setOverrides(RetentionPolicy(), by: nil, from: "t")
            #expect(try await store.overrides() == RetentionPolicy())
            #expect(try await AuditLog(database: db).recent().filter { $0.action == "settings.retention" }.count == 2)
        }
    }
}
