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
import ServiceLifecycle

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

    /// Runs `body` with the services of a fresh database, running as `rapport serve` runs them: the app is made
    /// by ``buildApplication(configuration:services:extraServices:logger:)`` and its services run in a service
    /// group, stopped gracefully afterwards in the same order (the database closes last).
    static func withServices<T: Sendable>(
        _ engine: TestEngine, maxBodyBytes: Int = 1 << 20,
        rules: [(String, String)] = [("acme", "acme OR @AcmeMobile OR #acme")],
        dispatcher: OutboxDispatcher? = nil, alertWebhook: AlertWebhook? = nil, alertMail: AlertRelay.Mail? = nil,
        alertTeam: [String] = [], communityMail: CommunityMail? = nil,
        _ body: (AppConfiguration, RapportServices) async throws -> T
    ) async throws -> T {
        let test = try await TestDatabase.make(engine)
        var config = configuration(test.location, maxBodyBytes: maxBodyBytes)
        config.secureCookies = false
        let logger = Logger(label: "test")
        let services: RapportServices
        do {
            services = try await RapportServices.open(
                config, dispatcher: dispatcher ?? OutboxDispatcher(senders: [WebChatReplySender()]), passwordCost: 4,
                alertWebhook: alertWebhook, alertMail: alertMail, alertTeam: alertTeam, communityMail: communityMail,
                logger: logger)
        } catch {
            await test.remove()
            throw error
        }
        let app = buildApplication(configuration: config, services: services, logger: logger)
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let group = ServiceGroup(
            configuration: .init(services: app.services + [StartSignal(continuation: signal)], logger: logger))
        let running = Task { try await group.run() }
        // A shutdown triggered before the group runs would leave its services (and the database) unstarted.
        await started.first { _ in true }
        do {
            for (name, query) in rules {
                _ = try await services.rules.create(name: name, brand: name, isCompetitor: false, query: query)
            }
            try await services.ruleBook.refresh()
            let value = try await body(config, services)
            await group.triggerGracefulShutdown()
            try await running.value
            await test.remove()
            return value
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            await test.remove()
            throw error
        }
    }

    /// Router-level tests (no sockets).
    static func test<T: Sendable>(
        _ engine: TestEngine, maxBodyBytes: Int = 1 << 20, communityMail: CommunityMail? = nil,
        _ body: @Sendable (any TestClientProtocol, RapportServices) async throws -> T
    ) async throws -> T {
        try await withServices(engine, maxBodyBytes: maxBodyBytes, communityMail: communityMail) { config, services in
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

/// Tells the test the service group is running, then waits for the shutdown like the other services.
private struct StartSignal: Service {
    let continuation: AsyncStream<Void>.Continuation

    func run() async throws {
        continuation.yield()
        continuation.finish()
        try? await gracefulShutdown()
    }
}
