import Foundation
import Logging
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("SQLite backup")
struct BackupTests {
    @Test("a backup taken while writes go on opens as a sound database with everything committed before it")
    func backupAndRestore() async throws {
        try await TestDatabase.with(.sqlite) { db in
            let rules = RuleStore(database: db)
            for i in 0..<20 {
                _ = try await rules.create(name: "rule-\(i)", brand: "acme", isCompetitor: false, query: "acme \(i)")
            }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let target = dir.appendingPathComponent("copy.db").path

            // Writers keep going while the copy is taken.
            async let writes: Void = {
                for i in 20..<60 {
                    _ = try await rules.create(
                        name: "rule-\(i)", brand: "acme", isCompetitor: false, query: "acme \(i)")
                }
            }()
            try await db.backup(to: target)
            try await writes

            #expect(try await Database.integrityCheck(of: target, logger: Logger(label: "test")) == "ok")
            // Restore = open the copy as the database.
            let restored = try await Database.open(.sqlite(path: target), logger: Logger(label: "test"))
            let names = try await RuleStore(database: restored).all().map(\.name)
            await restored.close()
            for i in 0..<20 { #expect(names.contains("rule-\(i)")) }
            #expect(names.count >= 20 && names.count <= 60)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "copy.db" }
            #expect(leftovers.filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.isEmpty)

            // An existing file is never overwritten.
            await #expect(throws: StoreError.self) { try await db.backup(to: target) }
        }
    }

    @Test("PostgreSQL is refused with a pointer to pg_dump", arguments: TestEngine.available.filter { $0 == .postgres })
    func postgresRefused(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            await #expect(throws: StoreError.self) { try await db.backup(to: "/tmp/never-\(UUID().uuidString).db") }
        }
    }
}
