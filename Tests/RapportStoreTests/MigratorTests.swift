import RapportStore
import RapportTestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test("migrate applies every version once; a second run applies none", arguments: TestEngine.available)
    func idempotent(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let migrator = Migrator(database: db)
            let versions = try await migrator.appliedVersions()
            // Every version once, in order.
            #expect(versions == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25])
            #expect(try await migrator.migrate() == [])
        }
    }
}
