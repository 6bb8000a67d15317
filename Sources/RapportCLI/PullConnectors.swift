import ArgumentParser
import Foundation
import Logging
import RapportFormats
import RapportIngest
import RapportServer
import RapportStore
import ServiceLifecycle
import UnixSignals

/// The pull connectors `serve` and `pull` run, each submitting into the pipeline.
enum PullConnectors {
    static func services(
        feeds: [String], xStreams: [String], jetstreams: [String], services: RapportServices, logger: Logger,
        feedInterval: Duration = .seconds(300)
    ) -> [any Service] {
        let pipeline = services.pipeline
        let submit: FileIngestor.Submit = { posts, source, rejected in
            try await pipeline.submit(posts, source: source, rejected: rejected)
        }
        var result: [any Service] = []
        for url in feeds { result.append(FeedPoller(url: url, interval: feedInterval, logger: logger, submit: submit)) }
        for url in xStreams { result.append(NDJSONStreamClient(url: url, format: .x, logger: logger, submit: submit)) }
        for url in jetstreams {
            result.append(
                JetstreamClient(
                    url: url, cursors: StreamCursorStore(database: services.database), logger: logger, submit: submit))
        }
        return result
    }
}

struct Pull: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run pull connectors (feeds, NDJSON streams, Jetstream) into the database without the HTTP server.")

    @OptionGroup var db: DatabaseOption
    @Option(help: "RSS/Atom feed URL (repeatable).") var feed: [String] = []
    @Option(help: "Seconds between feed polls.") var feedInterval = 300
    @Option(help: "X-style NDJSON stream URL (repeatable).") var xStream: [String] = []
    @Option(help: "Jetstream WebSocket URL (repeatable).") var jetstream: [String] = []
    @Flag(help: "Poll each feed / follow each stream once, then exit.") var once = false

    func run() async throws {
        let logger = Logger(label: "rapport")
        guard !(feed.isEmpty && xStream.isEmpty && jetstream.isEmpty) else {
            throw ValidationError("give at least one --feed, --x-stream or --jetstream URL")
        }
        let services = try await RapportServices.open(
            try db.configuration(), logger: logger)
        if once {
            let pipelineTask = Task { try await services.pipeline.run() }
            let submit: FileIngestor.Submit = { posts, source, rejected in
                try await services.pipeline.submit(posts, source: source, rejected: rejected)
            }
            for url in feed {
                let (_, receipt) = try await FeedPoller(url: url, logger: logger, submit: submit).pollOnce()
                print(
                    "\(url): stored \(receipt?.storedIDs.count ?? 0), duplicates \(receipt?.duplicates ?? 0), filtered \(receipt?.filtered ?? 0)"
                )
            }
            for url in xStream {
                let n = try await NDJSONStreamClient(url: url, logger: logger, submit: submit).followOnce()
                print("\(url): \(n) posts")
            }
            for url in jetstream {
                let n = try await JetstreamClient(
                    url: url, cursors: StreamCursorStore(database: services.database), logger: logger, submit: submit
                ).followOnce()
                print("\(url): \(n) posts")
            }
            services.pipeline.close()
            try await pipelineTask.value
            await services.database.close()
            return
        }
        let connectors = PullConnectors.services(
            feeds: feed, xStreams: xStream, jetstreams: jetstream, services: services, logger: logger,
            feedInterval: .seconds(feedInterval))
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: DatabaseCloser(database: services.database)), .init(service: services.pipeline),
                ]
                    + connectors.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
