import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import RapportCore
import RapportInsight
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Privacy routes: customer export and erase, retention settings")
struct PrivacyRouteTests {
    static let marker = "qzxroute77"

    /// Dashboard figures that are counts (not the quoted terms and authors, which an erase must change).
    static func counts(_ body: ByteBuffer) -> String {
        let object = json(body)
        let keys = [
            "total", "bucketStarts", "volumeByNetwork", "sentiment", "shareOfVoice", "funnel", "languages", "service",
            "experience",
        ]
        let kept = object.filter { keys.contains($0.key) }
        let data = try? JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test(
        "only admins export and erase (401 without a user, 403 for other roles, 404 for no customer); both audited",
        arguments: TestEngine.available)
    func rolesAndAudit(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "my card number ends in \(Self.marker)")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let conversation = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            let id = conversation.customerID
            for (method, uri) in [
                (HTTPRequest.Method.get, "/api/v1/customers/\(id)/export"),
                (.post, "/api/v1/customers/\(id)/erase"), (.get, "/api/v1/admin/retention"),
            ] {
                try await client.execute(uri: uri, method: method) { #expect($0.status == .unauthorized, "\(uri)") }
                try await client.execute(uri: uri, method: method, headers: .auth) {
                    #expect($0.status == .unauthorized, "machine token on \(uri)")
                }
                for role in [Role.agent, .supervisor, .analyst] {
                    try await client.execute(uri: uri, method: method, headers: DeskTest.bearer(people[role]!.token)) {
                        #expect($0.status == .forbidden, "\(role) on \(uri)")
                    }
                }
            }
            #expect(
                try await services.desk.conversations.detail(id: conversation.id)?.messages.first?.body.contains(
                    Self.marker) == true, "refused erases changed nothing")
            let admin = DeskTest.bearer(people[.admin]!.token)
            try await client.execute(uri: "/api/v1/customers/999999/export", method: .get, headers: admin) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/customers/999999/erase", method: .post, headers: admin) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/customers/\(id)/export", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("customer-\(id).json") == true)
                let body = json(response.body)
                #expect(body["format"] as? String == "rapport.customer-export/1")
                #expect(String(buffer: response.body).contains(Self.marker))
                #expect((body["identities"] as? [Any])?.isEmpty == false)
            }
            let before = try await client.execute(
                uri: "/api/v1/analytics/dashboard?range=7d", method: .get,
                headers: DeskTest.bearer(people[.analyst]!.token))
            try await client.execute(uri: "/api/v1/customers/\(id)/erase", method: .post, headers: admin) { response in
                #expect(response.status == .ok)
                let body = json(response.body)
                #expect(body["alreadyErased"] as? Bool == false)
                #expect(body["messages"] as? Int == 1)
            }
            let after = try await client.execute(
                uri: "/api/v1/analytics/dashboard?range=7d", method: .get,
                headers: DeskTest.bearer(people[.analyst]!.token))
            #expect(Self.counts(before.body) == Self.counts(after.body))
            #expect(!Self.counts(after.body).isEmpty)
            try await client.execute(uri: "/api/v1/customers/\(id)/export", method: .get, headers: admin) { response in
                #expect(!String(buffer: response.body).contains(Self.marker))
                let profiles = json(response.body)["profiles"] as? [[String: Any]]
                #expect(profiles?.first?["name"] as? String == "erased customer #\(id)")
            }
            try await client.execute(uri: "/api/v1/customers/\(id)/erase", method: .post, headers: admin) { response in
                #expect(response.status == .ok)
                #expect(json(response.body)["alreadyErased"] as? Bool == true)
            }
            let audit = try await AuditLog(database: services.database).recent()
            let adminID = people[.admin]!.user.id
            let exports = audit.filter { $0.action == "customer.export" && $0.target == "customer:\(id)" }
            let erases = audit.filter { $0.action == "customer.erase" && $0.target == "customer:\(id)" }
            #expect(exports.count == 2 && erases.count == 2)
            #expect((exports + erases).allSatisfy { $0.userID == adminID && $0.detail.contains("address") })
            #expect(!audit.contains { $0.detail.contains(Self.marker) })
        }
    }

    @Test(
        "admins read and set the retention periods; invalid values are refused with 400",
        arguments: TestEngine.available)
    func retentionSettings(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let admin = DeskTest.bearer(people[.admin]!.token)
            try await client.execute(
                uri: "/api/v1/admin/retention", method: .put, headers: admin,
                body: ByteBuffer(string: #"{"publicMentionDays": -3}"#)
            ) { #expect($0.status == .badRequest) }
            try await client.execute(
                uri: "/api/v1/admin/retention", method: .put, headers: DeskTest.bearer(people[.supervisor]!.token),
                body: ByteBuffer(string: #"{"publicMentionDays": 30}"#)
            ) { #expect($0.status == .forbidden) }
            #expect(try await RetentionSettingsStore(database: services.database).overrides() == RetentionPolicy())
            try await client.execute(
                uri: "/api/v1/admin/retention", method: .put, headers: admin,
                body: ByteBuffer(string: #"{"publicMentionDays": 30, "auditDays": 0}"#)
            ) { response in
                #expect(response.status == .ok)
                let effective = json(response.body)["effective"] as? [String: Any]
                #expect(effective?["publicMentionDays"] as? Int == 30)
                #expect(effective?["auditDays"] == nil)
            }
            #expect(
                try await AuditLog(database: services.database).recent().contains {
                    $0.action == "settings.retention" && $0.userID == people[.admin]!.user.id
                })
        }
    }

    @Test(
        "admins set retention from the desk settings page too; a bad value names its field and stores nothing",
        arguments: TestEngine.available)
    func retentionForm(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            let admin = try await DeskTest.signIn(client, email: "admin@acme.test")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie]
            let store = RetentionSettingsStore(database: services.database)
            try await client.execute(
                uri: "/admin/retention", method: .post, headers: form,
                body: ByteBuffer(string: "publicMentionDays=-1&auditDays=&_csrf=\(admin.csrf)")
            ) {
                #expect($0.status == .unprocessableContent)
                #expect(String(buffer: $0.body).contains("0 (keep forever)"))
            }
            #expect(try await store.overrides() == RetentionPolicy())
            try await client.execute(
                uri: "/admin/retention", method: .post, headers: form,
                body: ByteBuffer(string: "publicMentionDays=90&auditDays=0&_csrf=\(admin.csrf)")
            ) { #expect($0.status == .seeOther) }
            #expect(try await store.overrides() == RetentionPolicy(publicMentionDays: 90, auditDays: 0))
            try await client.execute(uri: "/admin/desk", method: .get, headers: [.cookie: admin.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("Public mentions are kept <strong>90 days</strong>"))
                #expect(html.contains("audit rows <strong>forever</strong>"))
            }
            // A supervisor sees the desk settings but neither the retention form nor its route.
            let supervisor = try await DeskTest.signIn(client, email: "supervisor@acme.test")
            try await client.execute(uri: "/admin/desk", method: .get, headers: [.cookie: supervisor.cookie]) {
                #expect(!String(buffer: $0.body).contains("action=\"/admin/retention\""))
            }
            try await client.execute(
                uri: "/admin/retention", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: supervisor.cookie],
                body: ByteBuffer(string: "publicMentionDays=1&_csrf=\(supervisor.csrf)")
            ) { #expect($0.status == .forbidden) }
            #expect(try await store.overrides() == RetentionPolicy(publicMentionDays: 90, auditDays: 0))
        }
    }
}

extension HTTPFields {
    fileprivate func merging(_ other: HTTPFields) -> HTTPFields {
        var fields = self
        fields.append(contentsOf: other)
        return fields
    }
}

@Suite("Retention service")
struct RetentionServiceTests {
    @Test(
        "a run prunes old public mentions and audit rows batch by batch, audits itself, and leaves rollups alone",
        arguments: TestEngine.available)
    func run(engine: TestEngine) async throws {
        try await TestApp.withServices(engine) { _, services in
            let now = Date()
            let old = now.addingTimeInterval(-40 * 86_400)
            let posts = (0..<25).map { index in
                NewMention(
                    post: IncomingPost(
                        network: .x, externalID: "p-\(index)", url: nil,
                        author: Author(network: .x, externalID: "u-\(index)", handle: "u\(index)"),
                        text: "old post \(index) about acme", language: "en",
                        createdAt: index < 22 ? old : now, metrics: PostMetrics(), origin: .publicStream),
                    matchedRuleIDs: [1], analysis: nil, source: "x")
            }
            _ = try await services.mentions.insert(posts)
            try await AuditLog(database: services.database).record(userID: nil, action: "test.recent")
            let period = RollupStore.Query(start: old.addingTimeInterval(-86_400), end: now.addingTimeInterval(86_400))
            let rollups = try await RollupStore(database: services.database).counts(period)
            let service = RetentionService(
                database: services.database, publicMentionDays: 30, auditDays: 30, batch: 10,
                pauseBetweenBatches: .milliseconds(1), logger: Logger(label: "test"))
            let run = try await service.runOnce(now: now)
            #expect(run.mentions == 22)
            #expect(run.batches == 3 + 1, "10, 10, 2 mentions; then one audit batch with nothing to prune")
            #expect(try await services.mentions.count() == 3)
            let after = try await RollupStore(database: services.database).counts(period)
            #expect(after == rollups && rollups.total == 25)
            let audit = try await AuditLog(database: services.database).recent()
            #expect(audit.contains { $0.action == "retention.prune" && $0.detail.hasPrefix("22 public mentions") })
            #expect(audit.contains { $0.action == "test.recent" })
            // An administrator's 0 keeps forever, over the environment's 30 days.
            try await RetentionSettingsStore(database: services.database).setOverrides(
                RetentionPolicy(publicMentionDays: 0), by: nil, from: "test")
            let later = try await service.runOnce(now: now.addingTimeInterval(365 * 86_400))
            #expect(later.mentions == 0 && later.policy.publicMentionDays == nil)
            #expect(later.auditRows > 0, "the audit period still applies")
        }
    }
}
