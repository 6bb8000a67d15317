import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RapportIngest
import RapportOutbound
import RapportServer
import RapportStore
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Rapport server.")

    @OptionGroup var db: DatabaseOption
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(help: "Seed demo rules and a token, and run a simulated stream through the pipeline.") var demo = false
    @Option(help: "Simulated posts per second with --demo.") var demoRate = 5.0
    @Option(help: "Request body limit in bytes.") var maxBodyBytes = AppConfiguration.defaultMaxBodyBytes
    @Option(help: "Poll this RSS/Atom feed URL (repeatable).") var feed: [String] = []
    @Option(help: "Follow this X-style NDJSON stream URL (repeatable).") var xStream: [String] = []
    @Option(help: "Follow this Bluesky Jetstream WebSocket URL (repeatable).") var jetstream: [String] = []

    func run() async throws {
        var logger = Logger(label: "rapport")
        logger.logLevel = .info
        var configuration = AppConfiguration(
            host: host, port: port, database: try db.location(), maxBodyBytes: maxBodyBytes)
        try configuration.applyEnvironment()
        if db.database != nil { configuration.database = try db.location() }
        RapportMetrics.bootstrap()
        try DigestScheduler.checkEnvironment()
        let retention = try RetentionPolicy.fromEnvironment()
        if demo { configuration.secureCookies = false }
        let services = try await RapportServices.open(
            configuration,
            dispatcher: OutboxDispatcher(
                senders: OutboundSettings.senders() + (demo ? [SimulatedNetworkSender()] : [])),
            logger: logger)
        var extra: [any Service] = []
        if demo {
            let token = try await Demo.seed(services, configuration: &configuration)
            let password = try await DemoDesk.seed(services.desk)
            try await DemoExperience.seed(services)
            let people = DemoDesk.users.map {
                "  \($0.role.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \($0.email)"
            }
            .joined(separator: "\n")
            // Written unbuffered so the credentials show at once even when output goes to a file.
            say(
                """
                Rapport demo on http://\(host):\(port)  (database \(configuration.database))
                Desk: http://\(host):\(port)/login  — password for every demo user: \(password)
                \(people)
                Replies to social networks are simulated in the demo (no account is connected).
                API token: \(token)
                Try: curl -H 'Authorization: Bearer \(token)' 'http://\(host):\(port)/api/v1/mentions?minLevel=attention'
                     curl -N -H 'Authorization: Bearer \(token)' http://\(host):\(port)/api/v1/stream
                """)
            extra.append(DemoStream(pipeline: services.pipeline, rate: demoRate, logger: logger))
        }
        extra += PullConnectors.services(
            feeds: feed, xStreams: xStream, jetstreams: jetstream, services: services, logger: logger)
        if let digest = try DigestScheduler.fromEnvironment(database: services.database, logger: logger) {
            extra.append(digest)
        }
        extra.append(
            RetentionService(
                database: services.database, publicMentionDays: retention.publicMentionDays,
                auditDays: retention.auditDays, logger: logger))
        let app = buildApplication(configuration, services: services, extraServices: extra, logger: logger)
        try await app.runService()
    }
}
