import Foundation
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Knowledge base: versions, full text, usage, generation")
struct KnowledgeBaseStoreTests {
    static func draft(
        _ title: String, _ body: String, visibility: ArticleVisibility = .public, status: ArticleStatus = .published
    ) -> KnowledgeBaseDraft {
        // The store takes the normalised terms as given; a plain lower-cased form is enough here.
        KnowledgeBaseDraft(
            title: title, body: body, category: "Billing", tags: ["refund"], language: "en", visibility: visibility,
            status: status,
            searchText: (title + " " + body).lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
        )
    }

    @Test(
        "create, update and delete keep versions, bump the generation and are audited", arguments: TestEngine.available)
    func lifecycle(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let user = try await UserStore(database: db).create(
                email: "s@acme.test", name: "Sam Super", role: .supervisor, passwordHash: "x")
            let store = KnowledgeBaseStore(database: db)
            let start = try await store.generation()
            let id = try await store.create(Self.draft("How refunds work", "We refund in 5 days."), by: user.id)
            #expect(try await store.update(id, Self.draft("Refunds", "We refund within 5 business days."), by: user.id))
            #expect(try await store.update(999_999, Self.draft("x", "y"), by: user.id) == false)
            let article = try #require(try await store.article(id))
            #expect(article.title == "Refunds")
            #expect(article.version == 2)
            #expect(article.tags == ["refund"])
            let versions = try await store.versions(id)
            #expect(versions.map(\.version) == [2, 1])
            #expect(versions.allSatisfy { $0.authorName == "Sam Super" })
            #expect(try await store.generation() == start + 2)
            #expect(try await store.search(terms: ["business", "refund"], for: .everyone).map(\.id) == [id])
            #expect(try await store.search(terms: ["works"], for: .everyone).isEmpty, "the old version is not indexed")
            let audit = try await db.read { db in
                try await db.raw("SELECT action FROM audit_log WHERE target = \(bind: "kb_article:\(id)")").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            #expect(Set(audit) == ["kb.article.create", "kb.article.update"])
            #expect(try await store.delete(id, by: user.id))
            #expect(try await store.article(id) == nil)
            #expect(try await store.versions(id).isEmpty)
            #expect(try await store.search(terms: ["refund"], for: .desk).isEmpty)
            #expect(try await store.delete(id, by: user.id) == false)
        }
    }

    @Test("the help center's audience sees published public articles only", arguments: TestEngine.available)
    func audience(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let store = KnowledgeBaseStore(database: db)
            let open = try await store.create(Self.draft("Public refund", "refund open"), by: 1)
            _ = try await store.create(Self.draft("Internal refund", "refund staff", visibility: .internal), by: 1)
            _ = try await store.create(Self.draft("Draft refund", "refund soon", status: .draft), by: 1)
            #expect(try await store.search(terms: ["refund"], for: .everyone).map(\.id) == [open])
            #expect(try await store.search(terms: ["refund"], for: .desk).count == 3)
            #expect(try await store.list(for: .everyone).map(\.id) == [open])
            #expect(try await store.categories(for: .everyone).map(\.count) == [1])
            // Any of the words when no article holds them all; operators are never passed through.
            #expect(try await store.search(terms: ["refund", "nowhere"], for: .everyone).map(\.id) == [open])
            #expect(try await store.search(terms: ["refund\" OR \"x", "*"], for: .desk).isEmpty)
            let corpus = try await store.suggestionCorpus()
            #expect(corpus.count == 2, "published only (internal and public)")
        }
    }
}
