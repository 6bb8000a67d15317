import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("docs/openapi.yaml describes the API the router serves")
struct APIDocumentTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")

    /// The prefixes whose every route must be documented: the JSON API and the platform webhooks.
    static func isPublicAPI(_ operation: String) -> Bool {
        let path = operation.split(separator: " ", maxSplits: 1).last ?? ""
        return path.hasPrefix("/api/v1/") || path.hasPrefix("/webhooks/")
    }

    @Test("every route under /api/v1 and /webhooks the router serves is documented, and none documented is gone")
    func routesAreDocumented() async throws {
        let documented = OpenAPIOperations.read(try String(contentsOf: Self.document, encoding: .utf8))
            .filter(Self.isPublicAPI)
        let served = try await TestApp.withServices(.sqlite) { configuration, services in
            Set(
                buildRouter(configuration, services: services).routes.map {
                    "\($0.method.rawValue) \(OpenAPIOperations.normalise($0.path.description))"
                }
            ).filter(Self.isPublicAPI)
        }
        #expect(served.count > 50, "the router's routes were read")
        let undocumented = served.subtracting(documented).sorted()
        #expect(undocumented.isEmpty, "served but not in docs/openapi.yaml: \(undocumented)")
        let gone = documented.subtracting(served).sorted()
        #expect(gone.isEmpty, "in docs/openapi.yaml but not served: \(gone)")
    }

    @Test("the document reader finds each method under its path and normalises both parameter styles")
    func readerFindsOperations() {
        let yaml = """
            openapi: 3.0.3
            components:
              schemas:
                Rule:
                  get: not a path
            paths:
              /api/v1/rules/{id}:
                parameters: [{ name: id, in: path }]
                get: { summary: one }
                delete:
                  summary: remove
                  responses:
                    "204": { description: gone }
              /webhooks/meta:
                post: { summary: signed }
            security:
              - bearer: []
            """
        #expect(
            OpenAPIOperations.read(yaml) == ["GET /api/v1/rules/{}", "DELETE /api/v1/rules/{}", "POST /webhooks/meta"])
        #expect(OpenAPIOperations.normalise("/api/v1/customers/:id/orders") == "/api/v1/customers/{}/orders")
        #expect(OpenAPIOperations.normalise("api/v1/merges/{mergeId}/undo") == "/api/v1/merges/{}/undo")
    }

    @Test(
        "the desk API answers dates as ISO 8601 strings and leaves absent values out, as the document says",
        arguments: TestEngine.available)
    func datesAreStrings(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("d-1", text: "Where is my order?")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            try await client.execute(
                uri: "/api/v1/conversations?queue=all", method: .get, headers: DeskTest.bearer(people[.analyst]!.token)
            ) {
                let items = json($0.body)["items"] as? [[String: Any]] ?? []
                let first = try #require(items.first)
                let created = try #require(first["createdAt"] as? String)
                #expect(created.hasSuffix("Z") && created.contains("T"), "ISO 8601: \(created)")
                #expect(first["updatedAt"] is String)
                #expect(first["firstResponseAt"] == nil, "unanswered: absent, not null")
            }
        }
    }
}
