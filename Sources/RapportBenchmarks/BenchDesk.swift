import ArgumentParser
import Foundation
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
        let bench = try await PageBenchmark.open(database: database, name: "desk", port: port)
        defer { bench.close() }
        let services = bench.services
        let agent = try await services.desk.createUser(
            email: "bench-agent@rapport.test", name: "Bench Agent", role: "agent", password: "bench-password-1", by: nil
        )
        let started = Date()
        let ids = try await DeskSeed(database: services.database).seed(count: conversations, agentID: agent.id)
        print(
            String(
                format: "seeded %d conversations (3 messages each) in %.1f s", conversations,
                Date().timeIntervalSince(started)))
        var random = SystemRandomNumberGenerator()
        print("page (\(requests) requests each after 10 warm-up, sequential, loopback HTTP; times include the client)")
        try await bench.time(
            [
                ("inbox, mine", { "/inbox?queue=mine" }),
                ("inbox, all", { "/inbox?queue=all" }),
                ("inbox, urgent", { "/inbox?queue=urgent" }),
                ("inbox, search", { "/inbox?queue=all&q=order+%2312345" }),
                ("conversation", { "/conversations/\(Int64.random(in: ids, using: &random))" }),
            ], requests: requests, warmUp: 10, cookie: try await bench.sessionCookie(for: agent.id))
    }
}
