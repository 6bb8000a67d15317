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
    @Flag(help: "Seed demo rules, a desk, four weeks of history and a token, and run a simulated stream.") var demo =
        false
    @Option(help: "Simulated posts per second with --demo (weekly mean; fixed by the first start's history).")
    var demoRate = Demo.defaultRate
    @Option(help: "Request body limit in bytes.") var maxBodyBytes = AppConfiguration.defaultMaxBodyBytes
    @Option(help: "Poll this RSS/Atom feed URL (repeatable).") var feed: [String] = []
    @Option(help: "Follow this X-style NDJSON stream URL (repeatable).") var xStream: [String] = []
    @Option(help: "Follow this Bluesky Jetstream WebSocket URL (repeatable).") var jetstream: [String] = []

    func run() async throws {
        let started = Date()
        var logger = Logger(label: "rapport")
        logger.logLevel = .info
        var configuration = try db.configuration()
        configuration.host = host
        configuration.port = port
        configuration.maxBodyBytes = maxBodyBytes
        for name in configuration.unknownVariables {
            logger.warning("\(name) is set but Rapport does not read it (see docs/configuration.md)")
        }
        RapportMetrics.bootstrap()
        if demo { configuration.secureCookies = false }
        let services = try await RapportServices.open(
            configuration,
            dispatcher: OutboxDispatcher(
                senders: configuration.outbound.senders() + (demo ? [SimulatedNetworkSender()] : [])),
            alertTeam: demo ? Demo.alertTeam(configured: configuration.alerts.team) : nil, logger: logger)
        var extra: [any Service] = []
        if demo {
            let token = try await Demo.seed(services, configuration: &configuration)
            let password = try await DemoDesk.seed(services.desk)
            try await DemoExperience.seed(services)
            try await DemoBrandAccounts.seed(services)
            try await DemoCommunity.seed(services)
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
            extra.append(DemoRunner(services: services, rate: demoRate, started: started, logger: logger))
        }
        extra += PullConnectors.services(
            feeds: feed, xStreams: xStream, jetstreams: jetstream, services: services, logger: logger)
        if let digest = DigestScheduler.scheduled(configuration, database: services.database, logger: logger) {
            extra.append(digest)
        }
        extra.append(
            RetentionService(
                database: services.database, publicMentionDays: configuration.retention.publicMentionDays,
                auditDays: configuration.retention.auditDays, logger: logger))
        let app = buildApplication(
            configuration: configuration, services: services, extraServices: extra, logger: logger)
        try await app.runService()
    }
}
