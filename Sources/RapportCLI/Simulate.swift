import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RapportCore
import RapportFormats
import RapportIngest
import RapportServer
import RapportSimulation
import RapportStore

struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a realistic stream of platform payloads (brands, competitors, incidents).",
        discussion: """
            By default posts go through the pipeline into --database. With --to they are POSTed to a running
            server's ingest API; with --output they are written as replayable files (one per format) for
            `rapport ingest`. Posts are paced in real time unless --fast.
            """)

    @OptionGroup var db: DatabaseOption
    @Option(help: "Posts per second.") var rate = 20.0
    @Option(help: "Seconds of traffic.") var duration = 60.0
    @Option(help: "Random seed (same seed, same stream).") var seed: UInt64 = 42
    @Option(help: "Timestamp of the first post (ISO 8601). Default: now.") var start: String?
    @Flag(help: "Do not pace: emit as fast as possible (timestamps still follow the rate).") var fast = false
    @Flag(help: "Apply the daily and weekly cycle to the rate.") var seasonal = false
    @Option(help: "Share of redelivered (duplicate) events, 0–1.") var duplicates = 0.0
    @Option(help: "Inject an incident this many seconds after the start.") var incidentAt: Double?
    @Option(help: "Incident length in seconds.") var incidentDuration = 600.0
    @Option(help: "Incident volume multiplier.") var incidentMultiplier = 8.0
    @Option(help: "Brand hit by the incident.") var incidentBrand = "Acme Mobile"
    @Option(help: "Base URL of a running server, e.g. http://127.0.0.1:8080") var to: String?
    @Option(help: "API token for --to (default $RAPPORT_API_TOKEN).") var token: String?
    @Option(help: "Directory to write replayable payload files into.") var output: String?

    func config() throws -> SimulationConfig {
        var startDate = Date()
        if let start {
            guard let d = ISO8601DateFormatter().date(from: start) else {
                throw ValidationError("--start must be ISO 8601")
            }
            startDate = d
        }
        guard rate > 0, duration > 0 else { throw ValidationError("--rate and --duration must be positive") }
        var config = SimulationConfig(
            seed: seed, start: startDate, rate: rate, duration: duration, seasonality: seasonal ? 1 : 0,
            duplicateShare: duplicates)
        if let incidentAt {
            config.incident = Incident(
                brand: incidentBrand, topicWords: ["outage", "no signal"], start: incidentAt,
                duration: incidentDuration, volumeMultiplier: incidentMultiplier, negativeShare: 0.85)
        }
        return config
    }

    func run() async throws {
        let config = try config()
        let sink: any EventSink
        if let output {
            sink = try FileSink(directory: output)
        } else if let to {
            guard let token = try token ?? db.configuration().apiToken else {
                throw ValidationError("--to needs --token or RAPPORT_API_TOKEN")
            }
            sink = HTTPSink(baseURL: to, token: token)
        } else {
            sink = try await PipelineSink.open(try db.configuration())
        }
        let clock = ContinuousClock()
        let began = clock.now
        var sent = 0
        for event in Simulator(config) {
            if !fast {
                try await clock.sleep(
                    until: began + .milliseconds(Int64(event.timestamp.timeIntervalSince(config.start) * 1000)))
            }
            try await sink.send(event)
            sent += 1
        }
        let summary = try await sink.finish()
        let elapsed = clock.now - began
        print("sent \(sent) events in \(elapsed); \(summary)")
    }
}

/// Where simulated events go.
protocol EventSink: Sendable {
    func send(_ event: SimulatedEvent) async throws
    func finish() async throws -> String
}

/// Through the local pipeline into a database, batched.
final class PipelineSink: EventSink, @unchecked Sendable {
    let services: RapportServices
    let writer: Task<Void, any Error>
    let alerts: Task<Void, any Error>
    var stored = 0, duplicates = 0, filtered = 0, rejected = 0
    var batch: [(PayloadFormat, SimulatedEvent)] = []

    init(services: RapportServices) {
        self.services = services
        let pipeline = services.pipeline
        let monitor = services.alerts
        monitor.start()
        self.alerts = Task { try await monitor.run() }
        self.writer = Task { try await pipeline.run() }
    }

    static func open(_ configuration: AppConfiguration) async throws -> PipelineSink {
        var logger = Logger(label: "rapport")
        logger.logLevel = .warning
        return PipelineSink(services: try await RapportServices.open(configuration, logger: logger))
    }

    func send(_ event: SimulatedEvent) async throws {
        guard let format = PayloadFormat(name: event.format) else { return }
        batch.append((format, event))
        if batch.count >= 500 { try await flush() }
    }

    private func flush() async throws {
        var byFormat: [PayloadFormat: [IncomingPost]] = [:]
        var bad: [PayloadFormat: Int] = [:]
        for (format, event) in batch {
            do {
                byFormat[format, default: []] += try PayloadParser.parse(format, Array(event.payload.utf8)).posts
            } catch {
                bad[format, default: 0] += 1
            }
        }
        batch.removeAll()
        for (format, posts) in byFormat {
            let r = try await services.pipeline.submit(posts, source: format.rawValue, rejected: bad[format] ?? 0)
            stored += r.storedIDs.count
            duplicates += r.duplicates
            filtered += r.filtered
        }
        rejected += bad.values.reduce(0, +)
    }

    func finish() async throws -> String {
        try await flush()
        services.pipeline.close()
        try await writer.value
        services.alerts.finish()
        try await alerts.value
        let raised = try await services.alerts.store.list(limit: 1_000).count
        await services.database.close()
        return "alerts \(raised), stored \(stored), duplicate \(duplicates), filtered \(filtered), rejected \(rejected)"
    }
}

/// POSTs each event to a running server's ingest API.
struct HTTPSink: EventSink {
    let baseURL: String
    let token: String
    let counts = Tally()

    func send(_ event: SimulatedEvent) async throws {
        var request = HTTPClientRequest(url: baseURL + "/api/v1/ingest/" + event.format)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer " + token)
        request.body = .bytes(ByteBuffer(string: event.payload))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        await counts.add(response.status.code)
    }

    func finish() async throws -> String {
        await counts.summary
    }

    actor Tally {
        var byStatus: [UInt: Int] = [:]
        func add(_ status: UInt) { byStatus[status, default: 0] += 1 }
        var summary: String {
            "HTTP " + byStatus.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        }
    }
}

/// Writes events as files `rapport ingest` can replay: NDJSON per line format, one file per document.
final class FileSink: EventSink, @unchecked Sendable {
    let directory: URL
    var handles: [String: FileHandle] = [:]
    var documents = 0

    init(directory: String) throws {
        self.directory = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
    }

    func send(_ event: SimulatedEvent) async throws {
        switch event.format {
        case "x", "bluesky":
            let handle = try handles[event.format] ?? open(event.format + ".ndjson")
            handles[event.format] = handle
            handle.write(Data((event.payload + "\n").utf8))
        default:
            documents += 1
            let ext = event.format == "email" ? "eml" : event.format == "rss" ? "xml" : "json"
            let dir = directory.appendingPathComponent(event.format)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(event.payload.utf8).write(
                to: dir.appendingPathComponent(String(format: "%08d.%@", documents, ext)))
        }
    }

    private func open(_ name: String) throws -> FileHandle {
        let url = directory.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        return try FileHandle(forWritingTo: url)
    }

    func finish() async throws -> String {
        for handle in handles.values { try handle.close() }
        return "written to \(directory.path)"
    }
}
