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

/// The harness the page benchmarks share: a throw-away database, the real server on loopback, a
/// signed-in session, and timed sequential fetches (round trips, so the client's time is included).
struct PageBenchmark {
    let services: RapportServices
    let configuration: AppConfiguration
    let logger: Logger
    private let sqlitePath: String?

    /// Opens services on `database`: `sqlite` (a temporary file, removed by `close()`) or a URL.
    static func open(database: String, name: String, port: Int) async throws -> PageBenchmark {
        var logger = Logger(label: "rapport")
        logger.logLevel = .warning
        var path: String?
        let location: DatabaseLocation
        if database == "sqlite" {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bench-\(name)-\(getpid()).db")
                .path
            location = .sqlite(path: path!)
        } else {
            location = try DatabaseLocation(database)
        }
        var configuration = AppConfiguration(host: "127.0.0.1", port: port, database: location)
        configuration.secureCookies = false
        let services = try await RapportServices.open(
            configuration, dispatcher: OutboxDispatcher(senders: []), passwordCost: 4, alertWebhook: nil,
            logger: logger)
        return PageBenchmark(services: services, configuration: configuration, logger: logger, sqlitePath: path)
    }

    /// A session cookie for `userID`, as the browser would send it.
    func sessionCookie(for userID: Int64) async throws -> String {
        let token = APITokens.generate()
        try await services.desk.sessions.create(
            tokenHash: APITokens.hash(token), userID: userID, csrfToken: "bench",
            expiresAt: Date().addingTimeInterval(3_600))
        return "rapport_session=\(token)"
    }

    /// Serves, times each page after `warmUp` requests, prints p50/p95/max of the round trip and p50/p95 of
    /// the server's own time (`Server-Timing`), then stops the server.
    func time(
        _ pages: [(name: String, path: () -> String)], requests: Int, warmUp: Int, cookie: String,
        bearer: String? = nil
    ) async throws {
        let app = buildApplication(configuration: configuration, services: services, logger: logger)
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        let base = "http://127.0.0.1:\(configuration.port)"
        for _ in 0..<100 {
            if (try? await Self.fetch(base + "/health", cookie: nil).status) == 200 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        for (name, path) in pages {
            var times: [Double] = []
            var serverTimes: [Double] = []
            var bytes = 0
            for i in 0..<(requests + warmUp) {
                let t0 = ContinuousClock.now
                let url = base + path()
                let response = try await Self.fetch(
                    url, cookie: url.contains("/api/") ? nil : cookie, bearer: url.contains("/api/") ? bearer : nil)
                let elapsed = ContinuousClock.now - t0
                guard response.status == 200 else { throw ValidationError("\(name): HTTP \(response.status)") }
                bytes = response.bytes
                if i >= warmUp {
                    times.append(
                        Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
                    if let ms = response.serverMS { serverTimes.append(ms) }
                }
            }
            func pct(_ sample: [Double], _ p: Double) -> Double {
                let sorted = sample.sorted()
                return sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            }
            print(
                String(
                    format:
                        "  %@ round trip p50 %7.2f  p95 %7.2f  max %7.2f ms | server p50 %7.2f  p95 %7.2f ms  (%d KB)",
                    name.padding(toLength: 15, withPad: " ", startingAt: 0) as NSString, pct(times, 0.5),
                    pct(times, 0.95), times.max() ?? 0, pct(serverTimes, 0.5), pct(serverTimes, 0.95), bytes / 1024))
        }
        server.cancel()
        _ = try? await server.value
    }

    /// Removes the temporary SQLite file (and its WAL).
    func close() {
        guard let sqlitePath else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
    }

    /// One GET: status, body size and the server's own time (its `Server-Timing: app;dur=` header, in ms).
    private static func fetch(_ url: String, cookie: String?, bearer: String? = nil) async throws -> (
        status: UInt, bytes: Int, serverMS: Double?
    ) {
        var request = HTTPClientRequest(url: url)
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let body = try await response.body.collect(upTo: 64 << 20)
        let timing = response.headers.first(name: "Server-Timing")
        let serverMS = timing.flatMap { $0.split(separator: "=").last }.flatMap { Double($0) }
        return (response.status.code, body.readableBytes, serverMS)
    }
}
