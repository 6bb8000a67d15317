import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RapportCore
import RapportIngest
import RapportOutbound
import RapportServer
import RapportStore
import RapportTestSupport

/// A Rapport app on a fresh database with its pipeline running, for route tests.
struct TestApp {
    static let token = "test-token-0123456789"
    static let metaSecret = "meta-app-secret"
    static let verifyToken = "verify-me"

    static func configuration(_ location: DatabaseLocation, maxBodyBytes: Int = 1 << 20) -> AppConfiguration {
        AppConfiguration(
            port: 0, database: location, metaAppSecret: metaSecret, metaVerifyToken: verifyToken, apiToken: token,
            maxBodyBytes: maxBodyBytes, pipeline: .init(maxBatch: 500, maxPending: 10_000))
    }

    /// Runs `body` with the services of a fresh database and their background tasks.
    static func withServices<T: Sendable>(
        _ engine: TestEngine, maxBodyBytes: Int = 1 << 20,
        rules: [(String, String)] = [("acme", "acme OR @AcmeMobile OR #acme")],
        dispatcher: OutboxDispatcher? = nil, alertWebhook: AlertWebhook? = nil, alertMail: AlertRelay.Mail? = nil,
        alertTeam: [String] = [],
        _ body: (AppConfiguration, RapportServices) async throws -> T
    ) async throws -> T {
        let test = try await TestDatabase.make(engine)
        var config = configuration(test.location, maxBodyBytes: maxBodyBytes)
        config.secureCookies = false
        let services = try await RapportServices.open(
            config, dispatcher: dispatcher ?? OutboxDispatcher(senders: [WebChatReplySender()]), passwordCost: 4,
            alertWebhook: alertWebhook, alertMail: alertMail, alertTeam: alertTeam, logger: Logger(label: "test"))
        for (name, query) in rules {
            _ = try await services.rules.create(name: name, brand: name, isCompetitor: false, query: query)
        }
        try await services.ruleBook.refresh()
        let writer = Task { try await services.pipeline.run() }
        let live = Task { try await services.broadcaster.run() }
        let desk = [
            Task { try await services.desk.worker.run() }, Task { try await services.desk.bus.run() },
            Task { try await services.desk.presence.run() }, Task { try await services.alertRelay.run() },
        ]
        services.alerts.start()
        let alerts = Task { try await services.alerts.run() }
        do {
            let value = try await body(config, services)
            await stop(services, writer, live, desk, alerts)
            await test.remove()
            return value
        } catch {
            await stop(services, writer, live, desk, alerts)
            await test.remove()
            throw error
        }
    }

    private static func stop(
        _ services: RapportServices, _ writer: Task<Void, any Error>, _ live: Task<Void, any Error>,
        _ desk: [Task<Void, any Error>], _ alerts: Task<Void, any Error>
    ) async {
        for task in desk {
            task.cancel()
            _ = try? await task.value
        }
        services.pipeline.close()
        _ = try? await writer.value
        services.alerts.finish()
        _ = try? await alerts.value
        live.cancel()
        _ = try? await live.value
        await services.database.close()
    }

    /// Router-level tests (no sockets).
    static func test<T: Sendable>(
        _ engine: TestEngine, maxBodyBytes: Int = 1 << 20,
        _ body: @Sendable (any TestClientProtocol, RapportServices) async throws -> T
    ) async throws -> T {
        try await withServices(engine, maxBodyBytes: maxBodyBytes) { config, services in
            let app = Application(router: buildRouter(config, services: services))
            return try await app.test(.router) { client in try await body(client, services) }
        }
    }
}

extension HTTPFields {
    static var auth: HTTPFields { [.authorization: "Bearer \(TestApp.token)"] }
}

/// Reads a fixture shared with the parsers' tests.
func fixture(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RapportFormatsTests/Fixtures/\(name)")
    return Array(try Data(contentsOf: url))
}

/// Decodes a JSON object body for assertions; empty when the body is not one.
func json(_ buffer: ByteBuffer) -> [String: Any] {
    let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
    return object as? [String: Any] ?? [:]
}

func errorCode(_ buffer: ByteBuffer) -> String? {
    (json(buffer)["error"] as? [String: Any])?["code"] as? String
}
