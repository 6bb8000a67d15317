import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportDesk
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// Data leaving Rapport and changes to how the desk routes, times and answers are audited, and the audit log
/// can be narrowed by user, action and period on the page and the API.
@Suite("Audit: settings changes and exports are recorded; the log filters by user, action and period")
struct AuditCoverageTests {
    @Test(
        "routing rules, SLA policies, canned replies and CSV exports each leave an audit row naming who; filters narrow the log",
        arguments: TestEngine.available)
    func coverage(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let adminID = people[.admin]!.user.id
            let admin = try await DeskTest.signIn(client, email: "admin@acme.test")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie]
            func post(_ uri: String, _ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: uri, method: .post, headers: form, body: ByteBuffer(string: body + "&_csrf=\(admin.csrf)"))
            }
            #expect(
                try await post("/admin/sla-policies", "name=Chat&firstResponseMinutes=5&resolutionHours=2").status
                    == .seeOther)
            #expect(
                try await post("/admin/routing-rules", "name=Billing+words&keywords=invoice&priority=high").status
                    == .seeOther)
            #expect(try await post("/admin/canned-replies", "title=Thanks&body=Thanks!").status == .seeOther)
            let reply = try #require(try await services.desk.settings.cannedReplies().first)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            try await client.execute(uri: "/api/v1/canned-replies/\(reply.id)", method: .delete, headers: supervisor) {
                #expect($0.status == .noContent || $0.status == .ok, "\(String(buffer: $0.body))")
            }
            let analyst = try await DeskTest.signIn(client, email: "analyst@acme.test")
            for uri in ["/mentions.csv?network=x", "/dashboard.csv"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: analyst.cookie]) {
                    #expect($0.status == .ok)
                }
            }

            let log = try await services.desk.audit.recent()
            func row(_ action: String) -> AuditEntry? { log.first { $0.action == action } }
            #expect(row("sla_policy.create")?.userID == adminID)
            #expect(row("routing_rule.create")?.detail == "Billing words")
            #expect(row("canned_reply.create")?.target == "canned_reply:\(reply.id)")
            #expect(row("canned_reply.delete")?.userID == people[.supervisor]!.user.id)
            let exports = log.filter { $0.action == "export.csv" }
            #expect(Set(exports.map(\.target)) == ["mentions.csv", "dashboard.csv"])
            #expect(exports.allSatisfy { $0.userID == people[.analyst]!.user.id })
            #expect(exports.first { $0.target == "mentions.csv" }?.detail.contains("network=x") == true)

            // The API's filters: a family of actions, one user, a period.
            let adminToken = DeskTest.bearer(people[.admin]!.token)
            func actions(_ query: String) async throws -> [String] {
                try await client.execute(uri: "/api/v1/audit?\(query)", method: .get, headers: adminToken) { response in
                    #expect(response.status == .ok, "\(query): \(String(buffer: response.body))")
                    let items = try JSONDecoder().decode(Items.self, from: Data(String(buffer: response.body).utf8))
                        .items
                    return items.map(\.action)
                }
            }
            #expect(Set(try await actions("action=canned_reply")) == ["canned_reply.create", "canned_reply.delete"])
            #expect(try await actions("action=export.csv&user=\(people[.analyst]!.user.id)").count == 2)
            #expect(try await actions("user=\(adminID)&action=export").isEmpty)
            #expect(try await actions("until=2000-01-01").isEmpty)
            #expect(try await actions("since=2000-01-01").count == log.count)
            try await client.execute(uri: "/api/v1/audit?since=yesterday", method: .get, headers: adminToken) {
                #expect($0.status == .badRequest)
                #expect(String(buffer: $0.body).contains("since"))
            }
            // The page shows the same, with its form filled in.
            try await client.execute(
                uri: "/admin/audit?action=routing_rule&user=\(adminID)", method: .get, headers: [.cookie: admin.cookie]
            ) {
                let html = String(buffer: $0.body)
                #expect($0.status == .ok)
                #expect(html.contains("routing_rule.create") && !html.contains("export.csv"))
                #expect(html.contains(#"value="routing_rule""#))
            }
        }
    }

    struct Items: Decodable {
        struct Item: Decodable { var action: String }
        var items: [Item]
    }
}
