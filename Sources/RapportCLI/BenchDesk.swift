import ArgumentParser
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import RapportOutbound
import RapportServer
import RapportStore

/// `rapport bench desk`: inbox and conversation pages over HTTP with many conversations stored.
struct BenchDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "Seed N conversations, then time the inbox and conversation pages through the real server.")

    @Option(help: "Conversations to seed.") var conversations = 100_000
    @Option(help: "Requests per page kind.") var requests = 200
    @Option(help: "Database: sqlite (a temporary file) or a postgres:// URL of an empty database.") var database =
        "sqlite"
    @Option(help: "Port for the benchmark server.") var port = 18_181

    func run() async throws {
        var logger = Logger(label: "rapport")
        logger.logLevel = .warning
        let location: DatabaseLocation
        var cleanup: String?
        if database == "sqlite" {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "rapport-bench-desk-\(getpid()).db"
            ).path
            location = .sqlite(path: path)
            cleanup = path
        } else {
            location = try DatabaseLocation(database)
        }
        defer {
            if let cleanup {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cleanup + suffix) }
            }
        }
        var configuration = AppConfiguration(host: "127.0.0.1", port: port, database: location)
        configuration.secureCookies = false
        let services = try await RapportServices.open(
            configuration, dispatcher: OutboxDispatcher(senders: []), passwordCost: 4, logger: logger)
        let agent = try await services.desk.createUser(
            email: "bench-agent@rapport.test", name: "Bench Agent", role: "agent", password: "bench-password-1", by: nil
        )
        let started = Date()
        let ids = try await DeskSeed(database: services.database).seed(count: conversations, agentID: agent.id)
        print(
            String(
                format: "seeded %d conversations (3 messages each) in %.1f s", conversations,
                Date().timeIntervalSince(started)))
        let token = APITokens.generate()
        try await services.desk.sessions.create(
            tokenHash: APITokens.hash(token), userID: agent.id, csrfToken: "bench",
            expiresAt: Date().addingTimeInterval(3_600))

        let app = buildApplication(configuration, services: services, logger: logger)
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        let base = "http://127.0.0.1:\(port)"
        for _ in 0..<100 {
            if (try? await fetch(base + "/health", cookie: nil).status) == 200 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let cookie = "rapport_session=\(token)"
        var random = SystemRandomNumberGenerator()
        let pages: [(String, () -> String)] = [
            ("inbox, mine", { "/inbox?queue=mine" }),
            ("inbox, all", { "/inbox?queue=all" }),
            ("inbox, urgent", { "/inbox?queue=urgent" }),
            ("inbox, search", { "/inbox?queue=all&q=order+%2312345" }),
            ("conversation", { "/conversations/\(Int64.random(in: ids, using: &random))" }),
        ]
        print("page (\(requests) requests each, sequential, loopback HTTP; times include the client)")
        for (name, path) in pages {
            var times: [Double] = []
            for i in 0..<(requests + 10) {
                let t0 = ContinuousClock.now
                let response = try await fetch(base + path(), cookie: cookie)
                let elapsed = ContinuousClock.now - t0
                guard response.status == 200 else { throw ValidationError("\(name): HTTP \(response.status)") }
                if i >= 10 {
                    times.append(
                        Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
                }
            }
            times.sort()
            func pct(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
            print(
                String(
                    format: "  %@ p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms",
                    name.padding(toLength: 15, withPad: " ", startingAt: 0) as NSString, pct(0.5), pct(0.95),
                    times.last ?? 0))
        }
        server.cancel()
        _ = try? await server.value
    }

    private func fetch(_ url: String, cookie: String?) async throws -> (status: UInt, bytes: Int) {
        var request = HTTPClientRequest(url: url)
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (response.status.code, body.readableBytes)
    }
}
