import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Rule store")
struct RuleStoreTests {
    @Test("create, update, list and delete rules; names are unique", arguments: TestEngine.available)
    func crud(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let rules = RuleStore(database: db)
            let acme = try await rules.create(
                name: "acme-brand", brand: "acme", isCompetitor: false, query: "acme OR @AcmeMobile")
            let v1 = try await rules.version()
            await #expect(throws: StoreError.self) {
                _ = try await rules.create(name: "acme-brand", brand: "acme", isCompetitor: false, query: "x")
            }
            var changed = acme
            changed.query = "\"acme mobile\""
            changed.enabled = false
            let updated = try #require(try await rules.update(changed))
            #expect(updated == changed)
            #expect(try await rules.version() != v1)
            #expect(try await rules.all() == [changed])
            #expect(try await rules.delete(id: acme.id))
            #expect(try await rules.delete(id: acme.id) == false)
            #expect(try await rules.all().isEmpty)
        }
    }
}
